import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportSummary } from '../../src/contacts/contactImport';
import type { LinqContactsTestApi } from '../../src/testApi';
import type { StandIn } from '../server/linqStandIn';
import { extensionApi, useStandIn, waitFor } from './helpers';

const TOKEN = 'suite-token';
const COUNT = 120;

/**
 * Import Contacts as a user runs it: the file chosen in the open dialog, and `answer` given to the question
 * (left out when none is expected: a question then would wait for a click and fail the test).
 */
async function importFile(
  api: LinqContactsTestApi,
  file: string,
  answer?: boolean,
): Promise<ImportSummary | undefined> {
  api.prompts.chooseNextFile(vscode.Uri.file(file));
  if (answer !== undefined) {
    api.prompts.answerNextConfirm(answer);
  }
  return vscode.commands.executeCommand<ImportSummary | undefined>('linqContacts.import');
}

describe('Import Contacts (the command, its open dialog and question scripted)', () => {
  let standIn: StandIn;
  let api: LinqContactsTestApi;

  const rowIds = async (): Promise<number[]> => {
    const rows = await api.provider.getChildren();
    return rows.flatMap((n) => (n.kind === 'contact' ? [n.contact.id] : []));
  };

  before(async () => {
    standIn = await useStandIn({ count: COUNT, token: TOKEN });
    api = await extensionApi();
    await api.tokens.set(TOKEN);
    await waitFor('the view holds every contact', async () => {
      await api.provider.getChildren();
      return api.session.knownContacts().length === COUNT;
    });
  });
  after(async () => {
    await api.tokens.clear();
    await standIn.close();
  });

  it('imports a vCard: duplicates in Linq and in the file skipped, the rest created once each', async () => {
    standIn.reset();
    const known = api.session.knownContacts().find((c) => c.id === 40);
    assert.ok(known?.email);
    const card = (first: string, last: string, email: string): string =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${last};${first};;;\r\nEMAIL:${email}\r\nEND:VCARD\r\n`;
    const text = [
      card('New', 'One', 'import.one@x.example'),
      card('New', 'Two', 'import.two@x.example'),
      card('Again', 'One', 'IMPORT.ONE@x.example'),
      card('Known', 'Already', known.email),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Nameless\r\nEND:VCARD\r\n',
    ].join('');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linq-import-')), 'people.vcf');
    fs.writeFileSync(file, text);
    const summary = await importFile(api, file, true);
    assert.equal(summary?.created.length, 2);
    assert.equal(summary?.skipped, 3);
    assert.equal(standIn.requests.filter((r) => r.method === 'POST').length, 2);
    const ids = await rowIds();
    for (const c of summary?.created ?? []) {
      assert.ok(ids.includes(c.id));
    }
    const again = await importFile(api, file);
    assert.equal(again, undefined, 'nothing new the second time');
    assert.equal(standIn.requests.filter((r) => r.method === 'POST').length, 2);
  });

  it('asks first: Cancel in the question creates nothing', async () => {
    standIn.reset();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linq-import-')), 'one.vcf');
    fs.writeFileSync(
      file,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Later;Maybe;;;\r\nEMAIL:maybe.later@x.example\r\nEND:VCARD\r\n',
    );
    const summary = await importFile(api, file, false);
    assert.equal(summary, undefined);
    assert.equal(standIn.requests.filter((r) => r.method === 'POST').length, 0, 'nothing created');
    assert.ok(
      standIn.requests.some((r) => r.path.endsWith('/contacts/find')),
      'the file was checked against Linq before the question',
    );
  });
});
