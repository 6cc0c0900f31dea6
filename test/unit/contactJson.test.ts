import * as assert from 'node:assert/strict';
import { CONTACT_FIELDS, toContactJson } from '../../src/format/contactJson';

describe('toContactJson: a contact in the API’s own shape', () => {
  it('every documented field under its wire name, null where absent, one line each', () => {
    const json = toContactJson({
      id: 3,
      firstName: 'Ada',
      email: ' ada@x.example\r\n',
      company: '\u202eevil',
      owner: { email: 'o@x.example', name: 'Owner' },
    });
    assert.deepEqual(Object.keys(json), [...CONTACT_FIELDS, 'contact_owner']);
    assert.equal(json.first_name, 'Ada');
    assert.equal(json.last_name, null);
    assert.equal(json.email, 'ada@x.example', 'no line break leaves the extension');
    assert.equal(json.company, 'evil', 'no bidi override either');
    assert.deepEqual(json.contact_owner, {
      id: null,
      email: 'o@x.example',
      first_name: null,
      last_name: null,
      name: 'Owner',
    });
    assert.equal(toContactJson({ id: 4 }).contact_owner, null);
  });
});
