import * as assert from 'node:assert/strict';
import { emptyDraft } from '../../src/format/contactDraft';
import { isFromWebviewMessage, isPanelState, isToWebviewMessage } from '../../src/webview/protocol';

describe('protocol: every message between the tab and the extension is checked on arrival', () => {
  it('from the tab: known commands, complete form values, known notice answers; nothing else', () => {
    assert.equal(isFromWebviewMessage({ type: 'ready' }), true);
    assert.equal(isFromWebviewMessage({ type: 'copyEmail' }), true);
    assert.equal(isFromWebviewMessage({ type: 'save', values: emptyDraft() }), true);
    assert.equal(isFromWebviewMessage({ type: 'notice', action: 'overwrite' }), true);
    assert.equal(isFromWebviewMessage({ type: 'notice', action: 'deleteEverything' }), false);
    assert.equal(isFromWebviewMessage({ type: 'save', values: { ...emptyDraft(), extra: 'x' } }), false);
    assert.equal(isFromWebviewMessage({ type: 'save', values: { ...emptyDraft(), email: 5 } }), false);
    assert.equal(isFromWebviewMessage({ type: 'save', values: { ...emptyDraft(), email: 'x'.repeat(10_001) } }), false);
    assert.equal(isFromWebviewMessage({ type: 'runCommand', command: 'workbench.action.quit' }), false);
    assert.equal(isFromWebviewMessage('ready'), false);
  });

  it('to the tab: a contact’s links only from allowed schemes, avatars only https', () => {
    const contact = {
      id: 1,
      name: 'Ada',
      initials: 'A',
      fields: [{ key: 'email', label: 'Email', value: 'a@x.example', href: 'mailto:a@x.example' }],
      hasEmail: true,
      hasPhone: false,
      canWrite: true,
      pinned: false,
      labels: {},
    };
    assert.equal(isToWebviewMessage({ type: 'show', contact }), true);
    const qr = { size: 2, rows: ['10', '01'] };
    assert.equal(isToWebviewMessage({ type: 'show', contact: { ...contact, qr } }), true);
    assert.equal(isToWebviewMessage({ type: 'show', contact: { ...contact, qr: { tooLong: true } } }), true);
    for (const bad of [{ size: 2, rows: ['10', '0x'] }, { size: 2, rows: ['10'] }, { size: 500, rows: [] }, 'svg']) {
      assert.equal(isToWebviewMessage({ type: 'show', contact: { ...contact, qr: bad } }), false, JSON.stringify(bad));
    }
    assert.equal(isToWebviewMessage({ type: 'show', contact: { ...contact, pinned: 'yes' } }), false);
    const evilLink = { ...contact, fields: [{ ...contact.fields[0], href: 'javascript:alert(1)' }] };
    assert.equal(isToWebviewMessage({ type: 'show', contact: evilLink }), false);
    assert.equal(isToWebviewMessage({ type: 'show', contact: { ...contact, avatarUrl: 'http://x/a.png' } }), false);
    assert.equal(isToWebviewMessage({ type: 'status', text: 'Loading…', busy: true }), true);
  });

  it('a restored tab’s state holds a positive whole contact id', () => {
    assert.equal(isPanelState({ contactId: 42 }), true);
    assert.equal(isPanelState({ contactId: -1 }), false);
    assert.equal(isPanelState({ contactId: '42' }), false);
    assert.equal(isPanelState({ contactId: 1.5 }), false);
  });
});
