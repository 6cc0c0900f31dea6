import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CACHE_FILE_SUFFIX } from './cacheCipher';

/** Suffix of a write under way: the whole file goes to a sibling first, then replaces the cache by `rename`. */
const PARTIAL_SUFFIX = '.partial';

/**
 * Writes `data` to `path` whole or not at all: to a sibling of its own (each writer, each window, its
 * own name), readable by the user only, then renamed over the old file. Two windows writing at once
 * leave one writer's whole file, never a mix; a crash leaves the old cache.
 */
export async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const partial = `${path}.${process.pid}-${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`;
  await mkdir(join(path, '..'), { recursive: true });
  try {
    await writeFile(partial, data, { mode: 0o600 });
    await rename(partial, path);
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    throw error;
  }
}

/** The file's bytes, or `undefined` when there is none. */
export async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** Deletes a file; one that is already gone is fine. */
export async function removeFile(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') {
      throw error;
    }
  });
}

/** True when `folder` holds a cache (a start without one need not read the key). */
export async function holdsCacheFiles(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).some((n) => n.endsWith(CACHE_FILE_SUFFIX));
  } catch {
    return false;
  }
}

/**
 * Deletes every cache in `folder` (and writes left half-done by a crash) but the one named `keep`;
 * returns how many files went. A folder that does not exist holds none.
 */
export async function removeCacheFiles(folder: string, keep?: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  // Another window may be writing the kept cache right now: its partial file stays.
  const doomed = names.filter(
    (n) =>
      n !== keep &&
      (n.endsWith(CACHE_FILE_SUFFIX) ||
        (n.includes(CACHE_FILE_SUFFIX) && n.endsWith(PARTIAL_SUFFIX) && (keep === undefined || !n.startsWith(keep)))),
  );
  await Promise.all(doomed.map((n) => removeFile(join(folder, n))));
  return doomed.length;
}
