import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdsCacheFiles, readIfThere, removeCacheFiles, writeAtomically } from '../../src/cache/cacheFile';

describe('cacheFile: the cache on disk, written whole or not at all', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'linq-cache-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes atomically: readers see the old file or the new one, never a mix, and nothing is left over', async () => {
    const path = join(folder, 'sub', 'a.lqc');
    const old = Buffer.alloc(200_000, 0x61);
    await writeAtomically(path, old);
    const writes = Array.from({ length: 8 }, (_, i) =>
      writeAtomically(path, Buffer.alloc(200_000 + i * 1000, 0x62 + i)),
    );
    const seen: Buffer[] = [];
    for (let i = 0; i < 20; i++) {
      seen.push((await readIfThere(path)) ?? Buffer.alloc(0));
    }
    await Promise.all(writes);
    const last = await readFile(path);
    for (const buffer of [...seen, last]) {
      assert.ok(buffer.length > 0 && buffer.every((b) => b === buffer[0]), 'one writer’s whole file');
      assert.equal(buffer.length, 200_000 + (buffer[0] === 0x61 ? 0 : (buffer[0]! - 0x62) * 1000));
    }
    assert.deepEqual(await readdir(join(folder, 'sub')), ['a.lqc'], 'no partial files left');
    assert.equal(await readIfThere(join(folder, 'none.lqc')), undefined);
  });

  it('removes every cache but the one kept, and leaves other files alone', async () => {
    for (const name of ['a.lqc', 'b.lqc', 'b.lqc.12-ab.partial', 'a.lqc.12-cd.partial', 'other.json']) {
      await writeFile(join(folder, name), 'x');
    }
    assert.equal(await holdsCacheFiles(folder), true);
    assert.equal(await removeCacheFiles(folder, 'a.lqc'), 2);
    assert.deepEqual((await readdir(folder)).sort(), ['a.lqc', 'a.lqc.12-cd.partial', 'other.json']);
    assert.equal(await removeCacheFiles(folder), 2);
    assert.deepEqual(await readdir(folder), ['other.json']);
    assert.equal(await removeCacheFiles(join(folder, 'missing')), 0);
    assert.equal(await holdsCacheFiles(folder), false, 'other files are not cache files');
    assert.equal(await holdsCacheFiles(join(folder, 'missing')), false);
  });
});
