// Bundles the extension (Node, CommonJS) and the detail tab's script (browser, IIFE).
// `--production` minifies, `--watch` rebuilds on change, `--tests` bundles the test layers into out/.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** @type {import('esbuild').Plugin} */
const esbuildProblemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      console.log('[watch] build started');
    });
    build.onEnd((result) => {
      result.errors.forEach(({ text, location }) => {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      });
      console.log('[watch] build finished');
    });
  },
};

/** Every `*.ts` under a folder, for test entry points. */
function tsFilesUnder(dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** @returns {import('esbuild').BuildOptions[]} */
function buildOptions() {
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [esbuildProblemMatcherPlugin],
  };
  if (tests) {
    return [
      {
        ...common,
        entryPoints: [
          ...tsFilesUnder('test/unit'),
          ...tsFilesUnder('test/ui'),
          ...tsFilesUnder('test/server'),
          ...tsFilesUnder('test/bench'),
          // The code-server harness runs the suite through index.ts; @vscode/test-cli loads each file.
          'test/suite/index.ts',
          ...tsFilesUnder('test/suite').filter((f) => f.endsWith('.test.ts')),
        ],
        outdir: 'out/test',
        outbase: 'test',
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        external: ['vscode', 'mocha', 'playwright-core', 'eslint', 'typescript-eslint'],
      },
    ];
  }
  return [
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node18',
      outfile: 'dist/extension.js',
      external: ['vscode'],
    },
    {
      ...common,
      entryPoints: ['media/detail.ts'],
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      outfile: 'dist/detail.js',
    },
  ];
}

async function main() {
  if (tests && !watch) {
    // A test renamed or removed must not keep running from an old bundle: the test layers are built afresh.
    fs.rmSync(path.join('out', 'test'), { recursive: true, force: true });
  }
  const contexts = await Promise.all(buildOptions().map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
  } else {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
