// `npm run vsix`: a production build packaged by vsce, offline, with only what users need
// (everything is bundled, so --no-dependencies). Prints the .vsix path; exported for the UI tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.mjs';

export function buildVsix(outFile = path.join(projectRoot, 'linq-contacts.vsix')) {
  const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', outFile],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    },
  );
  if (r.status !== 0 || !fs.existsSync(outFile)) {
    throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  }
  return outFile;
}

/** Packages another extension's folder (a test fixture) as a .vsix, offline. */
export function buildFixtureVsix(folder, outFile) {
  const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', outFile],
    {
      cwd: folder,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, CI: 'true' },
    },
  );
  if (r.status !== 0 || !fs.existsSync(outFile)) {
    throw new Error(`vsce package of ${folder} failed:\n${r.stdout}\n${r.stderr}`);
  }
  return outFile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const file = buildVsix();
    process.stdout.write(`${file} (${(fs.statSync(file).size / 1024).toFixed(1)} KB)\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
