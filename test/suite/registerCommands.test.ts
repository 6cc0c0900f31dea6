import * as assert from 'node:assert/strict';
import { isInsertFormat } from '../../src/format/insertFormats';
import { contactFrom, formatFrom } from '../../src/commands/registerCommands';
import { ownSession } from './ownSession';

describe('registerCommands: what a command was given', () => {
  it('a contact from a row, a contact, or an id held; nothing from anything else', () => {
    const own = ownSession();
    try {
      const ada = { id: 3, fullName: 'Ada' };
      assert.equal(contactFrom(own.session, ada), ada);
      assert.equal(contactFrom(own.session, { kind: 'contact', contact: ada }), ada);
      assert.equal(contactFrom(own.session, 3), undefined, 'an id nobody holds');
      assert.equal(contactFrom(own.session, { contactId: '3' }), undefined);
      assert.equal(contactFrom(own.session, 'ada'), undefined);
      assert.equal(contactFrom(own.session, null), undefined);
    } finally {
      own.dispose();
    }
  });

  it('a keybinding’s format only when it is one', () => {
    assert.equal(formatFrom({ format: 'markdownLink' }, isInsertFormat), 'markdownLink');
    assert.equal(formatFrom({ format: 'rm -rf' }, isInsertFormat), undefined);
    assert.equal(formatFrom(undefined, isInsertFormat), undefined);
  });
});
