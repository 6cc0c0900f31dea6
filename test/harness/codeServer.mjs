// Starts code-server (a real VS Code) on loopback with every piece of state in a temp folder, and
// stops it by killing its whole process group (extension hosts included).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry, node24Bin } from './paths.mjs';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh temp folder for one run's state. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `linq-${prefix}-`));
}

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
};

/**
 * Installs a .vsix into an extensions folder, as a user does.
 * @param {string} vsix @param {string} extensionsDir @param {string} root temp root for XDG folders
 */
export function installVsix(vsix, extensionsDir, root) {
  const r = spawnSync(node24Bin, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: isolatedEnv(root),
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new Error(`--install-extension failed: ${r.stderr || r.stdout}`);
  }
  return r.stdout;
}

function isolatedEnv(root, extra = {}) {
  const dirs = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', TMPDIR: 'tmp' };
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', ...extra };
  delete env.VSCODE_IPC_HOOK_CLI;
  for (const [name, sub] of Object.entries(dirs)) {
    const dir = path.join(root, sub);
    fs.mkdirSync(dir, { recursive: true });
    env[name] = dir;
  }
  return env;
}

/**
 * Starts code-server. Options: `root` (temp folder for all state), `workspace` (folder to open),
 * `settings` (user settings), `smokeTest` (needed to load an extension from source through the URL),
 * `extensionsDir`, `env`, `quiet`.
 * @returns {Promise<{ url: string, port: number, root: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(options) {
  const root = options.root ?? makeTempDir('code');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(root, 'extensions');
  const workspace = options.workspace ?? path.join(root, 'workspace');
  for (const dir of [path.join(userDataDir, 'User'), path.join(userDataDir, 'Machine'), extensionsDir, workspace]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const settings = JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2);
  // User settings reach the extension host a moment after it starts; the remote (Machine) settings file
  // is read by the server itself, so settings there hold from the first request on.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), settings);
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), settings);
  const port = await freePort();
  const args = [
    codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (options.smokeTest) {
    args.push('--vscode-option', 'enable-smoke-test-driver');
  }
  args.push(workspace);
  const logFile = path.join(root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(node24Bin, args, {
    env: isolatedEnv(root, options.env),
    detached: true,
    stdio: ['ignore', options.quiet === false ? 'inherit' : out, options.quiet === false ? 'inherit' : out],
  });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited at start; see ${logFile}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) {
        break;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      killGroup(child.pid);
      throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    root,
    workspace,
    logFile,
    async stop() {
      killGroup(child.pid);
      const until = Date.now() + 5_000;
      while (!exited && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
      killGroup(child.pid, 'SIGKILL');
    },
  };
}

function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * The workbench URL that loads an extension from source (and optionally a test suite), as
 * @vscode/test-electron does on desktop. Needs a server started with `smokeTest`.
 */
export function devUrl(server, { extensionPath, testsPath, env }) {
  const authority = `vscode-remote://127.0.0.1:${server.port}`;
  const payload = [['extensionDevelopmentPath', `${authority}${extensionPath}`]];
  if (testsPath) {
    payload.push(['extensionTestsPath', `${authority}${testsPath}`]);
  }
  if (env) {
    payload.push(['extensionEnvironment', JSON.stringify(env)]);
  }
  return `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The plain workbench URL for the server's workspace. */
export function workbenchUrl(server) {
  return `${server.url}/?folder=${encodeURIComponent(server.workspace)}`;
}
