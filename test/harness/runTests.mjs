// `npm test`: every layer, in order, each run even when an earlier one failed — harness set-up, build,
// type check, lint, unit tests (plain mocha), the in-host suite inside a real VS Code, and UI tests in
// Chromium — then one last line `N passed, N failed[, N skipped]`. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setup } from './setup.mjs';
import { projectRoot } from './paths.mjs';
import { runInHostSuite } from './inHostSuite.mjs';

if (process.argv.includes('--update-screenshots')) {
  // `npm run screenshots`: the UI tests also refresh the README's images in media/screenshots.
  process.env.LINQ_UPDATE_SCREENSHOTS = '1';
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const resultsDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'linq-results-'));

function heading(text) {
  process.stdout.write(`\n=== ${text}\n`);
}

function record(name, ok, detail = '') {
  if (ok) {
    totals.passed++;
  } else {
    totals.failed++;
    failures.push(`${name}${detail ? `: ${detail}` : ''}`);
  }
}

/** Runs a command as one test. */
function step(name, command, args, env = {}) {
  heading(name);
  const r = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  record(name, r.status === 0, r.status === 0 ? '' : `exit ${r.status ?? r.signal}`);
  return r.status === 0;
}

/** Adds a mocha-style result file's counts; a missing file is one failure. */
function addResults(name, file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped ?? 0;
    for (const f of r.failures ?? []) {
      failures.push(`${name}: ${f.title}: ${f.error}`);
    }
    if (r.passed + r.failed === 0) {
      record(`${name} ran no test`, false);
    }
  } catch {
    record(`${name} (no results: the layer crashed)`, false);
  }
}

/** Runs a mocha layer in plain Node with the counting reporter. */
function mochaLayer(name, files, extraArgs = []) {
  heading(name);
  const resultFile = path.join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  const mochaBin = path.join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  spawnSync(
    process.execPath,
    [mochaBin, '--reporter', path.join(projectRoot, 'test', 'harness', 'countingReporter.cjs'), ...extraArgs, ...files],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, LINQ_RESULTS_FILE: resultFile },
    },
  );
  addResults(name, resultFile);
}

function filesUnder(dir, suffix) {
  const abs = path.join(projectRoot, dir);
  if (!fs.existsSync(abs)) {
    return [];
  }
  return fs
    .readdirSync(abs, { recursive: true })
    .filter((f) => String(f).endsWith(suffix))
    .map((f) => path.join(dir, String(f)))
    .sort();
}

async function main() {
  heading('harness set-up');
  let harnessReady = true;
  try {
    setup();
    record('harness set-up', true);
  } catch (error) {
    harnessReady = false;
    process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
    record('harness set-up', false);
  }
  const node = process.execPath;
  const builtExtension = step('build (esbuild)', node, ['esbuild.js']);
  const builtTests = step('build tests (esbuild)', node, ['esbuild.js', '--tests']);
  const built = builtExtension && builtTests;
  step('type check (tsc)', node, [path.join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']);
  step('type check webview (tsc)', node, [
    path.join('node_modules', 'typescript', 'bin', 'tsc'),
    '--noEmit',
    '-p',
    'media',
  ]);
  step('lint (eslint)', node, [path.join('node_modules', 'eslint', 'bin', 'eslint.js'), 'src', 'media', 'test']);
  step('format (prettier --check)', node, [
    path.join('node_modules', 'prettier', 'bin', 'prettier.cjs'),
    '--check',
    '.',
  ]);
  mochaLayer('unit', filesUnder('out/test/unit', '.test.js'), ['--timeout', '20000']);
  if (harnessReady && built) {
    heading('in-host suite (real VS Code)');
    const resultFile = path.join(resultsDir, 'suite.json');
    try {
      await runInHostSuite(resultFile);
    } catch (error) {
      process.stdout.write(`in-host suite: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    addResults('in-host suite', resultFile);
    mochaLayer('ui', filesUnder('out/test/ui', '.test.js'), ['--timeout', '180000']);
  } else {
    record('in-host suite and UI tests (not run: set-up or build failed)', false);
  }
  fs.rmSync(resultsDir, { recursive: true, force: true });
  if (failures.length > 0) {
    process.stdout.write(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
  }
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stdout.write(`test runner crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed + 1} failed\n`);
  process.exitCode = 1;
});
