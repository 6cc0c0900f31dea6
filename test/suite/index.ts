/**
 * The in-host suite's entry point, as @vscode/test-electron (and the code-server harness) expect:
 * `run()` runs mocha inside the extension host. Results also go to $LINQ_SUITE_RESULTS for the runner.
 */
import * as fs from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // LINQ_SUITE_GREP runs only the tests whose titles match (a maintainer's shortcut; the runner never sets it).
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: 'spec',
    grep: process.env.LINQ_SUITE_GREP || undefined,
  });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  // Bundled with this file; required after mocha has set up describe/it.
  await import('./allTests');
  return new Promise((resolve, reject) => {
    const failures: Array<{ title: string; error: string }> = [];
    const runner = mocha.run((failed) => {
      const file = process.env.LINQ_SUITE_RESULTS;
      if (file) {
        const stats = runner.stats;
        fs.writeFileSync(
          file,
          JSON.stringify({
            passed: stats?.passes ?? 0,
            failed: stats?.failures ?? 0,
            skipped: stats?.pending ?? 0,
            failures,
          }),
        );
      }
      if (failed > 0) {
        reject(new Error(`${failed} tests failed.`));
      } else {
        resolve();
      }
    });
    runner.on('fail', (test, err: unknown) =>
      failures.push({ title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
