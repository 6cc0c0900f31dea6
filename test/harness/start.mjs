// `npm start`: builds, starts the Linq stand-in with a few hundred demo contacts (token `demo`), and
// opens a real VS Code (code-server on loopback) with the extension installed from a fresh .vsix.
// `npm start -- --real` points it at the real Linq API instead. Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { installVsix, makeTempDir, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { projectRoot } from './paths.mjs';
import { setup } from './setup.mjs';
import { buildVsix } from './vsix.mjs';

const real = process.argv.includes('--real');
const port = Number(process.env.LINQ_STAND_IN_PORT ?? 0);

function build() {
  for (const args of [['esbuild.js', '--tests']]) {
    const r = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error('build failed');
    }
  }
}

function startStandIn() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectRoot, 'out', 'test', 'server', 'cli.js'),
        '--count',
        '300',
        '--token',
        'demo',
        '--latency',
        '40',
        '--port',
        String(port),
      ],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, STAND_IN_EXIT_ON_STDIN_CLOSE: '1' },
      },
    );
    child.on('error', reject);
    readline.createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

async function main() {
  setup();
  build();
  const root = makeTempDir('start');
  const extensionsDir = path.join(root, 'extensions');
  installVsix(buildVsix(path.join(root, 'linq-contacts.vsix')), extensionsDir, root);
  const standIn = real ? undefined : await startStandIn();
  const settings = standIn ? { 'linqContacts.apiBaseUrl': standIn.baseUrl } : {};
  const server = await startCodeServer({ root, extensionsDir, settings });
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write('\nStopping…\n');
    await server.stop();
    standIn?.child.kill('SIGTERM');
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`\nLinq Contacts is running in VS Code (code-server):\n\n  Open  ${workbenchUrl(server)}\n\n`);
  if (standIn) {
    process.stdout.write(
      `Demo API (stand-in, 300 contacts): ${standIn.baseUrl}\nIn the Linq sidebar choose "Set API Token" and enter:  demo\n\n`,
    );
  } else {
    process.stdout.write(
      'Using the real Linq API (https://api.linqapp.com/api/partner/v2). Set your integration token in the Linq sidebar.\n\n',
    );
  }
  process.stdout.write('Press Ctrl+C to stop.\n');
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
