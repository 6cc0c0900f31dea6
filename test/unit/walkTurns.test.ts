import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEASE_MS, WalkLease } from '../../src/cache/walkLease';
import { WalkTurns } from '../../src/contacts/walkTurns';

describe('WalkTurns: background walks in turn across windows', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'linq-turns-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const lease = (holder: string): Promise<WalkLease> =>
    Promise.resolve(new WalkLease(join(folder, 'c.lqc.lease'), holder));

  it('runs one window’s walk; the others wait, and skip theirs once its result made them unneeded', async () => {
    let walks = 0;
    let resultIn = false;
    // The holder's lease runs out half a second from now (as if it were taken 2 minutes ago).
    const early = new WalkLease(join(folder, 'c.lqc.lease'), 'a', () => Date.now() - LEASE_MS + 500);
    const holder = new WalkTurns(Promise.resolve(early));
    let finish: () => void = () => undefined;
    const first = holder.run(
      () => {
        walks++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { needed: () => true },
    );
    await new Promise((r) => setTimeout(r, 20));
    const others = ['b', 'c'].map((id) =>
      new WalkTurns(lease(id)).run(
        () => {
          walks++;
          return Promise.resolve();
        },
        { needed: () => !resultIn },
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(walks, 1, 'the others wait');
    resultIn = true;
    finish();
    await first;
    await Promise.all(others);
    assert.equal(walks, 1, 'one walk for three windows');
  });

  it('runs a window’s own walks asked at once one after the other, neither waiting for its own lease', async () => {
    const turns = new WalkTurns(lease('a'));
    const order: string[] = [];
    const walk = (name: string) => async (): Promise<void> => {
      order.push(`${name} starts`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`${name} ends`);
    };
    // Without its own turns, the second would find the first's lease and wait for it to expire (30 s and more).
    await Promise.all([
      turns.run(walk('refresh'), { needed: () => true }),
      turns.run(walk('prefetch'), { needed: () => true }),
    ]);
    assert.deepEqual(order, ['refresh starts', 'refresh ends', 'prefetch starts', 'prefetch ends']);
  });

  it('a forced walk (Refresh Contacts) runs while another window holds the lease; without a lease every walk runs', async () => {
    let walks = 0;
    const walk = (): Promise<void> => {
      walks++;
      return Promise.resolve();
    };
    const holder = new WalkTurns(lease('a'));
    const blocking = holder.run(() => new Promise<void>((r) => setTimeout(r, 100)), { needed: () => true });
    await new Promise((r) => setTimeout(r, 20));
    await new WalkTurns(lease('b')).runNow(walk);
    await new WalkTurns(Promise.resolve(undefined)).run(walk, { needed: () => true });
    assert.equal(walks, 2);
    await blocking;
  });
});
