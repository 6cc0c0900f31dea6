/**
 * `npm run test:desktop`: the same in-host suite on desktop VS Code through @vscode/test-electron.
 * It downloads VS Code from Microsoft, so it cannot run on machines without that access (see README).
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'suite', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error('Desktop tests failed:', error);
  process.exit(1);
});
