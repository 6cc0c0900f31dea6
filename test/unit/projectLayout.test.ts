import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files of the project as git knows them (the tests run from its root). */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && fs.existsSync(f));
const names = new Set(files.map((f) => path.basename(f)));

/** What a file of `src/` exports that is worth a test: a function or a class. */
const EXPORTS_BEHAVIOUR = /^export (?:async )?(?:function|class) /m;

describe('the project’s layout: every module tested, every path the README names real', () => {
  it('every module of src/ that exports a function or class has test/unit/<module>.test.ts or test/suite/<module>.test.ts', () => {
    const untested = files
      .filter((f) => f.startsWith('src/') && f.endsWith('.ts'))
      .filter((f) => EXPORTS_BEHAVIOUR.test(fs.readFileSync(f, 'utf8')))
      .filter((f) => {
        const test = `${path.basename(f, '.ts')}.test.ts`;
        return !fs.existsSync(path.join('test', 'unit', test)) && !fs.existsSync(path.join('test', 'suite', test));
      });
    assert.deepEqual(untested, []);
  });

  it('every in-host test file is run by the suite', () => {
    const listed = fs.readFileSync('test/suite/allTests.ts', 'utf8');
    const missing = files
      .filter((f) => f.startsWith('test/suite/') && f.endsWith('.test.ts'))
      .filter((f) => !listed.includes(`'./${path.basename(f, '.ts')}'`));
    assert.deepEqual(missing, []);
  });

  it('every file or folder the README names in backquotes exists (older names live in the CHANGELOG)', () => {
    const missing: string[] = [];
    for (const doc of ['README.md']) {
      const text = fs.readFileSync(doc, 'utf8');
      for (const [, cited = ''] of text.matchAll(/`([^`\s]+)`/g)) {
        const pathLike = /^(?:src|test|media|l10n|\.ci)\//.test(cited);
        const fileLike = /^[\w.-]+\.(?:ts|mjs|cjs|js|json|md)$/.test(cited);
        if (pathLike && !fs.existsSync(cited.replace(/[/:]+$/, ''))) {
          missing.push(`${doc}: ${cited}`);
        } else if (!pathLike && fileLike && !names.has(cited)) {
          missing.push(`${doc}: ${cited}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });
});
