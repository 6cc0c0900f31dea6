import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../harness/paths.mjs';
import { SCREENSHOT_DIR } from './workbench';

describe('the packaged .vsix', () => {
  it('holds only what users need, even with test output lying in the working copy', function () {
    this.timeout(120_000); // vsce runs the production build first
    // Test output (git-ignored, written by the UI tests) must never be packaged.
    const probe = path.join(SCREENSHOT_DIR, 'vsix-probe.png');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(probe, '');
    try {
      const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
      const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: projectRoot, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const files = r.stdout.split('\n').filter(Boolean).sort();
      const allowed =
        /^(package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|LICENSE|CHANGELOG\.md|media\/[\w-]+\.(svg|png|css)|media\/walkthrough\/[\w-]+\.md|l10n\/bundle\.l10n(\.[\w-]+)?\.json|dist\/[\w-]+\.js)$/;
      assert.deepEqual(
        files.filter((f) => !allowed.test(f)),
        [],
        'files users do not need',
      );
      assert.ok(files.includes('dist/extension.js') && files.includes('dist/detail.js'));
      assert.ok(
        files.includes('l10n/bundle.l10n.json') &&
          files.includes('CHANGELOG.md') &&
          files.includes('media/walkthrough/setToken.md'),
      );
    } finally {
      fs.rmSync(probe, { force: true });
    }
  });
});
