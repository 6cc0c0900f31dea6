import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of `src/`, lowest first; a module may import its own layer and those below, never above.
 * api/, cache/, format/, log/, constants.ts → auth/, config.ts, errors/ → contacts/ → the features → extension.ts.
 */
const FEATURES = ['tree', 'webview', 'commands', 'editor', 'export'];
const folders = (names) => names.flatMap((n) => [`**/${n}/*`, `./${n}/*`]);
const above = {
  bottom: [
    ...folders(['auth', 'errors', 'contacts', ...FEATURES]),
    '**/config',
    './config',
    '**/extension',
    './extension',
  ],
  middle: [...folders(['contacts', ...FEATURES]), '**/extension', './extension'],
  contacts: [...folders(FEATURES), '**/extension', './extension'],
  features: ['**/extension', './extension'],
};
const noVscode = { name: 'vscode', message: 'This layer runs in plain Node (tests, the benchmark): no vscode import.' };
const layer = (files, upward, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: extra,
        patterns: [
          { group: upward, message: 'Imports go down the layers only (see eslint.config.mjs and the README layout).' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      '.vscode-test/**',
      'node_modules/**',
      'test/harness/**',
      'test/ui/fixtures/**',
      '.vscode-test.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Type-aware rules: the code leans on `void`ed promises, so a promise dropped by mistake must show.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      curly: 'error',
      eqeqeq: 'error',
      'no-throw-literal': 'error',
      semi: 'error',
      // Prettier's printWidth; strings, comments and the like that it cannot break may pass.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreComments: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
    },
  },
  layer(['src/api/**/*.ts', 'src/cache/**/*.ts', 'src/format/**/*.ts'], above.bottom, [noVscode]),
  layer(['src/log/**/*.ts', 'src/constants.ts'], above.bottom),
  layer(['src/auth/**/*.ts', 'src/config.ts', 'src/errors/**/*.ts'], above.middle),
  layer(['src/contacts/**/*.ts'], above.contacts),
  layer(
    [
      'src/contacts/contactStore.ts',
      'src/contacts/contactIndex.ts',
      'src/contacts/contactWriter.ts',
      'src/contacts/contactImport.ts',
    ],
    above.contacts,
    [noVscode],
  ),
  layer(
    FEATURES.map((f) => `src/${f}/**/*.ts`),
    above.features,
  ),
);
