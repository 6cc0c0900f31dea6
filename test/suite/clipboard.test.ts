import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COPY_KINDS, copyFromContact } from '../../src/ui/clipboard';

describe('clipboard: exactly one value of a contact, as one line', () => {
  it('copies the email without line breaks or bidi overrides; a missing phone leaves the clipboard as it was', async () => {
    const eve = { id: 3, fullName: 'Eve', email: 'eve@x.example\r\nrm -rf ~\u202e' };
    assert.equal(await copyFromContact(eve, 'email'), true);
    assert.equal(await vscode.env.clipboard.readText(), 'eve@x.example rm -rf ~');
    await vscode.env.clipboard.writeText('before');
    assert.equal(await copyFromContact(eve, 'phone'), false);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });

  it('a vCard of the contact; each kind has its words', async () => {
    assert.equal(await copyFromContact({ id: 4, fullName: 'Ada Lovelace' }, 'vcard'), true);
    assert.match(await vscode.env.clipboard.readText(), /^BEGIN:VCARD\r\nVERSION:4.0\r\n[\s\S]*FN:Ada Lovelace/);
    assert.equal(COPY_KINDS.phone.ask(), 'Copy whose phone number?');
    assert.equal(COPY_KINDS.email.value({ id: 5 }), undefined);
  });
});
