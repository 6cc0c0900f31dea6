import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeFile, writeAtomically } from './cacheFile';

/** A lease lasts this long unless renewed; its holder renews it this often while it walks. */
export const LEASE_MS = 120_000;
export const RENEW_MS = 30_000;

/** What the lease file holds: who walks and until when. No token, no contact data. */
interface LeaseFile {
  readonly holder: string;
  readonly expires: number;
}

/** The lease on background walks of one connection: a file beside its cache (the cache's name + `.lease`). */
export class WalkLease {
  constructor(
    /** The lease file's path. */
    readonly path: string,
    /** This window's random id. */
    readonly holder: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes the lease: made atomically when there is none; an expired one (or any, with `force`: Refresh
   * Contacts walks whatever the others do) is first renamed to a name of its own, so of two windows taking it over at
   * once only one renames it and only one makes the new one. Resolves with whether this window holds it; when another
   * does, with when its lease expires.
   */
  async take(force = false): Promise<{ held: true } | { held: false; expires: number }> {
    if (await this.create()) {
      return { held: true };
    }
    const current = await this.read();
    if (current?.holder === this.holder) {
      return (await this.renew()) ? { held: true } : { held: false, expires: this.now() + LEASE_MS };
    }
    if (current && current.expires > this.now() && !force) {
      return { held: false, expires: current.expires };
    }
    const aside = `${this.path}.${randomBytes(6).toString('hex')}.old`;
    try {
      await rename(this.path, aside);
      await removeFile(aside);
    } catch {
      // Another window renamed it first (or it was given up meanwhile): the exclusive create decides.
    }
    return (await this.create()) ? { held: true } : { held: false, expires: (await this.read())?.expires ?? 0 };
  }

  /** Renews the lease; false when this window no longer holds it (taken over: stop walking). */
  async renew(): Promise<boolean> {
    if ((await this.read())?.holder !== this.holder) {
      return false;
    }
    await writeAtomically(this.path, Buffer.from(this.content()));
    return true;
  }

  /** Gives the lease up (the walk ended, the window closes); another holder's lease is left alone. */
  async release(): Promise<void> {
    if ((await this.read())?.holder === this.holder) {
      await removeFile(this.path);
    }
  }

  /**
   * Makes the lease if there is none: written whole to a file of its own, then linked to the lease's name, which fails
   * when the name exists. So a lease is never seen half-written (an empty file would look expired to the others).
   */
  private async create(): Promise<boolean> {
    await mkdir(join(this.path, '..'), { recursive: true });
    const own = `${this.path}.${randomBytes(6).toString('hex')}.new`;
    await writeFile(own, this.content(), { mode: 0o600 });
    try {
      await link(own, this.path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        return false;
      }
      throw error;
    } finally {
      await removeFile(own);
    }
  }

  private content(): string {
    const lease: LeaseFile = { holder: this.holder, expires: this.now() + LEASE_MS };
    return JSON.stringify(lease);
  }

  /** The lease now, or `undefined` when there is none (or it is not one: it is then taken over as expired). */
  private async read(): Promise<LeaseFile | undefined> {
    try {
      const value = JSON.parse(await readFile(this.path, 'utf8')) as Partial<LeaseFile>;
      return typeof value.holder === 'string' && Number.isFinite(value.expires) ? (value as LeaseFile) : undefined;
    } catch {
      return undefined;
    }
  }
}
