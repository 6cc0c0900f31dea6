// Runs test/suite (bundled to out/test/suite/index.js) inside a real VS Code extension host, the way
// @vscode/test-electron does on desktop: extensionDevelopmentPath + extensionTestsPath, here through
// code-server's page URL, with Chromium showing the workbench. The suite writes its results to a file.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';
import { devUrl, makeTempDir, startCodeServer } from './codeServer.mjs';
import { projectRoot } from './paths.mjs';

const SUITE_TIMEOUT_MS = 10 * 60_000;

/**
 * Options: `grep` (run only matching tests), `testsPath` (another entry with a `run()`, e.g. the editor
 * bench) and `env` (more environment for the extension host).
 */
export async function runInHostSuite(resultFile, { grep, testsPath, env = {} } = {}) {
  const root = makeTempDir('suite');
  const server = await startCodeServer({ root, smokeTest: true });
  let browser;
  try {
    browser = await launchBrowser(path.join(root, 'browser-profile'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    let resolveExit;
    const exited = new Promise((resolve) => {
      resolveExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      // The workbench's own console noise arrives here too: keep the suite's lines only.
      if (/^\s*(✔|✓|\d+\)|[0-9]+ (passing|failing|pending)|\[suite\])|^ {2,}\S/.test(line) && !/^\s*at /.test(line)) {
        process.stdout.write(`${line}\n`);
      }
    });
    const url = devUrl(server, {
      extensionPath: projectRoot,
      testsPath: testsPath ?? path.join(projectRoot, 'out', 'test', 'suite', 'index.js'),
      env: { LINQ_SUITE_RESULTS: resultFile, ...(grep ? { LINQ_SUITE_GREP: grep } : {}), ...env },
    });
    await page.goto(url);
    let timer;
    const code = await Promise.race([
      exited,
      new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (code === 'timeout') {
      throw new Error('the extension host run did not finish within 10 minutes');
    }
    if (!fs.existsSync(resultFile)) {
      throw new Error(`the extension host exited (code ${code}) without results; see ${server.logFile}`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
}
