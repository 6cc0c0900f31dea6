// `npm run test:desktop`: the in-host suite on desktop VS Code through @vscode/test-cli, as the `yo code`
// template does. It downloads VS Code from Microsoft, so it cannot run on machines without that access;
// there `npm test` runs the same suite inside code-server (see README).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/test/suite/**/*.test.js',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30_000 },
});
