import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEASE_MS, WalkLease } from '../../src/cache/walkLease';

describe('WalkLease: one background walk per connection across windows', () => {
  let folder: string;
  let path: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'linq-lease-'));
    path = join(folder, 'host-abc.lqc.lease');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is taken by one window, refused to another until it expires, renewed and given up by its holder', async () => {
    let now = 1_000_000;
    const a = new WalkLease(path, 'window-a', () => now);
    const b = new WalkLease(path, 'window-b', () => now);
    assert.deepEqual(await a.take(), { held: true });
    assert.deepEqual(await b.take(), { held: false, expires: now + LEASE_MS });
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(file).sort(), ['expires', 'holder'], 'no token, no contact data');
    now += 60_000;
    assert.equal(await a.renew(), true);
    assert.deepEqual(await b.take(), { held: false, expires: now + LEASE_MS }, 'renewed: later expiry');
    await b.release();
    assert.deepEqual(
      await b.take(),
      { held: false, expires: now + LEASE_MS },
      'b cannot give up a lease it does not hold',
    );
    await a.release();
    assert.deepEqual(await b.take(), { held: true }, 'given up: free');
  });

  it('an expired lease (its holder died) is taken over, and its old holder learns it lost it at its next renewal', async () => {
    let now = 5_000_000;
    const a = new WalkLease(path, 'window-a', () => now);
    const b = new WalkLease(path, 'window-b', () => now);
    await a.take();
    now += LEASE_MS + 1;
    assert.deepEqual(await b.take(), { held: true });
    assert.equal(await a.renew(), false, 'a stops walking');
    assert.deepEqual(await a.take(true), { held: true }, 'Refresh Contacts takes it over whatever');
    assert.equal(await b.renew(), false);
  });

  it('of windows taking one expired lease over at once, exactly one gets it; a lease file that is not one is expired', async () => {
    writeFileSync(path, 'not json');
    const windows = Array.from({ length: 8 }, (_, i) => new WalkLease(path, `w${i}`));
    const results = await Promise.all(windows.map((w) => w.take()));
    assert.equal(results.filter((r) => r.held).length, 1);
  });
});
