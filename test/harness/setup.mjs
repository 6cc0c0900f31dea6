// Installs what the tests, `npm start` and CI need, idempotently: Debian's chromium and libkrb5-dev
// (apt, as root), Node 24 and code-server from npm into the git-ignored .vscode-test/. A second run
// checks stamps and skips the work. Run directly: `node test/harness/setup.mjs`.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  chromiumPath,
  codeServerDir,
  codeServerEntry,
  harnessDir,
  node24Bin,
  node24Dir,
  node24Home,
} from './paths.mjs';

const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-noto-color-emoji'];

function log(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function dpkgInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0 && fs.existsSync(chromiumPath)) {
    return;
  }
  const line = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Run as root:\n  ${line}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  apt(['update', '-q']);
  apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
}

/** How long set-up waits for another package manager (an unattended upgrade, another apt-get) to finish. */
const APT_LOCK_WAIT_S = 600;

/**
 * Runs apt-get, waiting (bounded, with a message) while another package manager holds its lock instead
 * of failing the whole test run: apt's own `DPkg::Lock::Timeout`, and a retry while the lists lock is held.
 */
function apt(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const deadline = Date.now() + APT_LOCK_WAIT_S * 1000;
  for (let told = false; ;) {
    const r = spawnSync('apt-get', ['-o', `DPkg::Lock::Timeout=${APT_LOCK_WAIT_S}`, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env,
    });
    if (r.status === 0) {
      return;
    }
    const locked = /Could not get lock|Unable to lock|is another process using it/i.test(r.stderr ?? '');
    if (!locked || Date.now() > deadline) {
      process.stderr.write(r.stderr ?? '');
      throw new Error(
        `apt-get ${args.join(' ')} failed (exit ${r.status})${locked ? `: the package manager stayed locked for ${APT_LOCK_WAIT_S} s` : ''}`,
      );
    }
    if (!told) {
      told = true;
      log(`another package manager holds the apt lock; waiting for it (up to ${APT_LOCK_WAIT_S / 60} min)…`);
    }
    spawnSync('sleep', ['5']);
  }
}

function hashOf(files) {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

/** Copies a committed package.json + lockfile into `target` and runs `npm ci` there, unless the stamp matches. */
function npmCi(name, target, checkFile, env) {
  const source = path.join(harnessDir, name);
  const files = ['package.json', 'package-lock.json'].map((f) => path.join(source, f));
  const stamp = path.join(target, '.installed-stamp');
  const want = hashOf(files);
  if (fs.existsSync(checkFile) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) {
    return false;
  }
  log(`installing ${name} into ${path.relative(process.cwd(), target) || target}`);
  fs.mkdirSync(target, { recursive: true });
  for (const f of files) {
    fs.copyFileSync(f, path.join(target, path.basename(f)));
  }
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: target,
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  if (r.status !== 0 || !fs.existsSync(checkFile)) {
    throw new Error(`npm ci for ${name} failed (exit ${r.status})`);
  }
  fs.writeFileSync(stamp, want);
  return true;
}

export function setup() {
  const started = Date.now();
  ensureAptPackages();
  npmCi('node24', node24Dir, node24Bin, process.env);
  // code-server's postinstall checks that npm runs on Node 24 (it reads npm's user agent), and node-gyp
  // must build against Node 24's headers. Under `npm test` the outer npm (on the system Node) exports
  // npm_config_user_agent and friends, which the inner npm would inherit: drop every npm_* variable.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  env.PATH = `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH}`;
  env.npm_config_nodedir = node24Home;
  npmCi('code-server', codeServerDir, codeServerEntry, env);
  const kerberos = path.join(
    codeServerDir,
    'node_modules',
    'code-server',
    'lib',
    'vscode',
    'node_modules',
    'kerberos',
    'build',
    'Release',
    'kerberos.node',
  );
  if (!fs.existsSync(kerberos)) {
    log('warning: the kerberos addon did not build (is libkrb5-dev installed?)');
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setup();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
