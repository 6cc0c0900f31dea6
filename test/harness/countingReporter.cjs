// Mocha's spec reporter, plus a JSON summary written to $LINQ_RESULTS_FILE for the test runner.
const fs = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String(err && err.message) }));
    runner.once('end', () => {
      const file = process.env.LINQ_RESULTS_FILE;
      if (file) {
        const s = runner.stats ?? {};
        fs.writeFileSync(
          file,
          JSON.stringify({ passed: s.passes ?? 0, failed: s.failures ?? 0, skipped: s.pending ?? 0, failures }),
        );
      }
    });
  }
}

module.exports = CountingReporter;
