import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { lookupContact, validateContactId, validateLookup } from '../../src/commands/lookupContact';
import * as vscode from 'vscode';
import type { LinqContactsTestApi } from '../../src/testApi';
import type { StandIn } from '../server/linqStandIn';
import { extensionApi, useStandIn, waitFor } from './helpers';
import { ownSession } from './ownSession';

describe('Look Up Contact: an id, an email or a phone number', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await useStandIn({ count: 40, token: 'lookup-token' });
  });
  after(() => standIn.close());

  it('the box says why an entry is refused', () => {
    assert.equal(validateLookup('42'), undefined);
    assert.equal(validateLookup('ada@x.example'), undefined);
    assert.equal(validateLookup('+1 555 987 6543'), undefined);
    assert.match(validateLookup('') ?? '', /Enter a contact id/);
    assert.match(validateLookup('a@b') ?? '', /one @, no spaces and a dot/);
    assert.match(validateLookup('555-12') ?? '', /at least 7 digits/);
    assert.match(validateLookup('Ada') ?? '', /digits only for an id/);
    assert.match(validateContactId('12a') ?? '', /digits only/);
    assert.match(validateContactId('0') ?? '', /whole number from 1/);
  });

  it('an id is fetched by GET, an email found by find, and opened; nothing opens for what Linq lacks', async () => {
    const own = ownSession();
    const opened: Array<[number, boolean]> = [];
    const open = (contact: Contact, refetch: boolean): void => void opened.push([contact.id, refetch]);
    try {
      await own.tokens.set('lookup-token');
      await lookupContact(own.session, open, '7');
      const email = standIn.contact(9)?.email;
      assert.ok(typeof email === 'string');
      await lookupContact(own.session, open, email);
      await lookupContact(own.session, open, 'nobody.here@x.example');
      assert.deepEqual(opened, [
        [7, false],
        [9, false],
      ]);
      await lookupContact(own.session, open, '7');
      assert.deepEqual(opened[2], [7, true], 'held now: opened at once and refetched in the background');
    } finally {
      own.dispose();
    }
  });
});

describe('Look Up Contact through the command, as a user runs it', () => {
  let standIn: StandIn;
  let api: LinqContactsTestApi;
  const panelOf = (id: number) => api.openPanels().find((p) => p.contactId === id);

  before(async () => {
    standIn = await useStandIn({ count: 80, token: 'lookup-token' });
    api = await extensionApi();
    await api.tokens.set('lookup-token');
    await waitFor('the view holds every contact', async () => {
      await api.provider.getChildren();
      return api.session.knownContacts().length === 80;
    });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.tokens.clear();
    await standIn.close();
  });

  it('Look Up takes an email (answered from memory) and a phone number (answered by find)', async () => {
    standIn.reset();
    const held = api.session.knownContacts().find((c) => c.id === 60);
    assert.ok(held?.email);
    await vscode.commands.executeCommand('linqContacts.lookupById', held.email.toUpperCase());
    await waitFor('contact 60 opens', () => panelOf(60));
    assert.equal(standIn.requests.filter((r) => r.path.endsWith('/contacts/find')).length, 0, 'the store answered');
    standIn.changeBehind(61, { phone_number: '+15559876543' });
    await vscode.commands.executeCommand('linqContacts.lookupById', '(555) 987-6543');
    await waitFor('contact 61 opens', () => panelOf(61));
    assert.deepEqual(
      standIn.requests.filter((r) => r.path.endsWith('/contacts/find')).map((r) => r.query),
      [{ phone_number: '(555) 987-6543' }],
    );
    const before = api.openPanels().length;
    await vscode.commands.executeCommand('linqContacts.lookupById', 'nobody.here@x.example');
    assert.equal(api.openPanels().length, before, 'nothing opens for an address Linq does not have');
  });
});
