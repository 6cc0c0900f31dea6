import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import * as vscode from 'vscode';
import { CONTACT_FIELDS, toContactJson } from '../../src/format/contactJson';
import { CSV_COLUMNS } from '../../src/format/csv';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';
import { TOKEN, COUNT, held, editorFixture } from './editorFixture';

describe('Export Contacts', () => {
  const fx = editorFixture();

  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-export-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes CSV that a real parser reads back as the same contacts and values', async () => {
    const api = await extensionApi();
    const target = vscode.Uri.file(path.join(dir, 'contacts.csv'));
    const result = await api.exportTo('csv', target);
    assert.equal(result?.count, COUNT);
    const bytes = fs.readFileSync(target.fsPath);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
    const rows: string[][] = parse(bytes, { bom: true });
    assert.deepEqual(rows[0], CSV_COLUMNS);
    assert.equal(rows.length, COUNT + 1);
    const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    for (const contact of fx.all) {
      const row = byId.get(contact.id);
      assert.ok(row, `contact ${contact.id} exported`);
      const json = toContactJson(contact);
      CONTACT_FIELDS.forEach((field, i) => {
        const value = json[field];
        const text = value === null ? '' : String(value);
        assert.equal(row[i], /^[=+\-@]/.test(text) ? `'${text}` : text, `${contact.id} ${field}`);
      });
    }
    const formula = byId.get(held('formula').id);
    assert.match(formula?.[3] ?? '', /^'=HYPERLINK/);
    assert.equal(formula?.[6], "'+cmd|/C calc");
    assert.deepEqual(fs.readdirSync(dir), ['contacts.csv'], 'no temporary file left');
  });

  it('writes one vCard per contact, and JSON with the documented fields', async () => {
    const api = await extensionApi();
    const vcf = vscode.Uri.file(path.join(dir, 'contacts.vcf'));
    await api.exportTo('vcard', vcf);
    assert.equal(fs.readFileSync(vcf.fsPath, 'utf8').match(/^BEGIN:VCARD\r$/gm)?.length, COUNT);
    const jsonFile = vscode.Uri.file(path.join(dir, 'contacts.json'));
    await api.exportTo('json', jsonFile);
    const parsed = JSON.parse(fs.readFileSync(jsonFile.fsPath, 'utf8')) as Array<Record<string, unknown>>;
    assert.equal(parsed.length, COUNT);
    for (const entry of parsed) {
      assert.deepEqual(Object.keys(entry), [...CONTACT_FIELDS, 'contact_owner']);
      for (const field of CONTACT_FIELDS.slice(1)) {
        assert.ok(entry[field] === null || typeof entry[field] === 'string', field);
      }
    }
  });

  it('Cancel mid-export and a failure both leave no file behind', async () => {
    const api = await extensionApi();
    const slow = await useStandIn({ count: 3_000, token: TOKEN, latencyMs: 250 });
    try {
      await waitFor('the old store dropped', () => api.session.knownContacts().length === 0);
      const target = vscode.Uri.file(path.join(dir, 'cancelled.csv'));
      const cancel = new vscode.CancellationTokenSource();
      const running = api.exportTo('csv', target, cancel.token);
      await waitFor('some contacts loaded', () => api.session.knownContacts().length >= 400, 20_000);
      cancel.cancel();
      assert.equal(await running, undefined);
      assert.deepEqual(fs.readdirSync(dir), []);

      slow.configure({ failPages: [25] });
      const failing = vscode.Uri.file(path.join(dir, 'failed.csv'));
      await assert.rejects(Promise.resolve(api.exportTo('csv', failing)));
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      await slow.close();
      await configure({ apiBaseUrl: fx.standIn.baseUrl });
    }
  });
});
