import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { FEATURES, layers } from '../../eslint.layers.mjs';

/** Lints one line of source as if it were the file at `filePath`, with the layer rules alone. */
async function problems(filePath: string, source: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layers],
  });
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const importOf = (from: string): string => `import { x } from '${from}';\nexport const y = x;\n`;

describe('eslint.layers: the import rules of src/', () => {
  for (const feature of FEATURES) {
    for (const other of FEATURES.filter((f) => f !== feature)) {
      it(`src/${feature}/ may not import src/${other}/`, async () => {
        const found = await problems(`src/${feature}/someFeature.ts`, importOf(`../${other}/thing`));
        assert.equal(found.length, 1, found.join('\n'));
        assert.match(found[0] ?? '', /no-restricted-imports: .*A feature folder imports no other feature folder/);
      });
    }
    it(`src/${feature}/ may import ui/, contacts/, format/ and its own folder`, async () => {
      for (const from of ['../ui/prompter', '../contacts/linqSession', '../format/contactText', './sibling']) {
        assert.deepEqual(await problems(`src/${feature}/someFeature.ts`, importOf(from)), [], from);
      }
    });
  }

  it('commands/registerCommands.ts wires every feature', async () => {
    for (const feature of FEATURES) {
      assert.deepEqual(await problems('src/commands/registerCommands.ts', importOf(`../${feature}/thing`)), []);
    }
  });

  it('ui/ sits under the features: it imports none of them', async () => {
    for (const feature of FEATURES) {
      assert.equal((await problems('src/ui/shared.ts', importOf(`../${feature}/thing`))).length, 1, feature);
    }
    assert.deepEqual(await problems('src/ui/shared.ts', importOf('../contacts/linqSession')), []);
  });

  it('contacts/ imports neither ui/ nor a feature; the store rooms import no vscode', async () => {
    assert.equal((await problems('src/contacts/linqSession.ts', importOf('../ui/prompter'))).length, 1);
    assert.equal((await problems('src/contacts/linqSession.ts', importOf('../tree/contactsProvider'))).length, 1);
    assert.deepEqual(await problems('src/contacts/linqSession.ts', importOf('vscode')), []);
    assert.equal((await problems('src/contacts/store/contactStore.ts', importOf('vscode'))).length, 1);
  });

  it('the bottom layer imports nothing above it and no vscode', async () => {
    for (const file of ['src/api/linqClient.ts', 'src/format/vcard.ts', 'src/cache/cacheFile.ts']) {
      assert.equal((await problems(file, importOf('vscode'))).length, 1, file);
      assert.equal((await problems(file, importOf('../contacts/linqSession'))).length, 1, file);
      assert.equal((await problems(file, importOf('../config'))).length, 1, file);
    }
  });

  it('nothing imports the wiring', async () => {
    for (const file of ['src/tree/contactsProvider.ts', 'src/ui/prompter.ts', 'src/contacts/linqSession.ts']) {
      assert.equal((await problems(file, importOf('../extension'))).length, 1, file);
      assert.equal((await problems(file, importOf('../testApi'))).length, 1, file);
    }
  });
});
