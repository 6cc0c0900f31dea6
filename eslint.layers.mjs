/**
 * The layers of `src/`, lowest first: a module imports its own layer and those below, never above, and a
 * feature folder never imports another feature folder (only the wiring sees them all).
 *
 *   api/, cache/, format/, log/, constants.ts   (no vscode in api/, cache/, format/)
 *   auth/, config.ts, errors/
 *   contacts/                                   (the store's rooms without vscode)
 *   ui/                                         what the features share: prompts, clipboard, messages
 *   tree/ | webview/ | commands/ | editor/ | export/   the features, side by side
 *   commands/registerCommands.ts, extension.ts, testApi.ts   the wiring
 *
 * Shared by eslint.config.mjs and the unit test that proves the rules (test/unit/eslintLayers.test.ts).
 */
export const FEATURES = ['tree', 'webview', 'commands', 'editor', 'export'];
const WIRING = ['**/extension', './extension', '**/testApi', './testApi'];
const folders = (names) => names.flatMap((n) => [`**/${n}/*`, `./${n}/*`]);
const noVscode = { name: 'vscode', message: 'This layer runs in plain Node (tests, the benchmark): no vscode import.' };
const rule = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});
const upward = (names, message = 'Imports go down the layers only (see eslint.layers.mjs and the README layout).') => ({
  group: [...folders(names), '**/config', './config', ...WIRING],
  message,
});
const above = {
  bottom: ['auth', 'errors', 'contacts', 'ui', ...FEATURES],
  middle: ['contacts', 'ui', ...FEATURES],
  contacts: ['ui', ...FEATURES],
  ui: FEATURES,
};
const withoutConfig = (group) => ({ ...group, group: group.group.filter((g) => !g.endsWith('config')) });

/** One flat-config entry per layer and per feature. */
export const layers = [
  {
    files: ['src/api/**/*.ts', 'src/cache/**/*.ts', 'src/format/**/*.ts'],
    rules: rule([upward(above.bottom)], [noVscode]),
  },
  { files: ['src/log/**/*.ts', 'src/constants.ts'], rules: rule([upward(above.bottom)]) },
  {
    files: ['src/auth/**/*.ts', 'src/config.ts', 'src/errors/**/*.ts'],
    rules: rule([withoutConfig(upward(above.middle))]),
  },
  { files: ['src/contacts/**/*.ts'], rules: rule([withoutConfig(upward(above.contacts))]) },
  {
    files: [
      'src/contacts/store/**/*.ts',
      'src/contacts/contactStore.ts',
      'src/contacts/contactIndex.ts',
      'src/contacts/contactWriter.ts',
      'src/contacts/contactImport.ts',
    ],
    rules: rule([withoutConfig(upward(above.contacts))], [noVscode]),
  },
  { files: ['src/ui/**/*.ts'], rules: rule([withoutConfig(upward(above.ui))]) },
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    ignores: ['src/commands/registerCommands.ts'],
    rules: rule([
      withoutConfig(
        upward(
          FEATURES.filter((f) => f !== feature),
          `A feature folder imports no other feature folder: what two features share goes to ui/ (or below); only commands/registerCommands.ts and extension.ts wire them.`,
        ),
      ),
    ]),
  })),
];
