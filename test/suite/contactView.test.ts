import * as assert from 'node:assert/strict';
import { toContactView } from '../../src/webview/contactView';

describe('toContactView: what the detail tab shows, built in the extension host', () => {
  const hostile = {
    id: 5,
    fullName: 'Eve <script>',
    email: 'eve@x.example',
    phoneNumber: '+1 555 0100',
    title: 'Spy',
    imageUrl: 'javascript:alert(1)',
    createdAt: 'not a date',
  };

  it('only fields with a value; links only mailto, tel and https', () => {
    const view = toContactView(hostile, true, true, 'en');
    const byKey = Object.fromEntries(view.fields.map((f) => [f.key, f]));
    assert.equal(byKey.email?.href, 'mailto:eve@x.example');
    assert.equal(byKey.phone?.href, 'tel:+15550100');
    assert.equal(byKey.company, undefined);
    assert.equal(byKey.created?.value, 'not a date', 'an unreadable date is shown as it came');
    assert.equal(view.name, 'Eve <script>', 'text, for textContent');
    assert.equal(view.initials, 'E');
    assert.equal(view.canWrite, true);
  });

  it('an avatar only from https and only when avatars are on', () => {
    assert.equal(toContactView(hostile, true).avatarUrl, undefined);
    const pictured = { ...hostile, imageUrl: 'https://cdn.example/eve.png' };
    assert.equal(toContactView(pictured, true).avatarUrl, 'https://cdn.example/eve.png');
    assert.equal(toContactView(pictured, false).avatarUrl, undefined);
  });
});
