import * as assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { qrMatrix, qrVCard, QR_MAX_VERSION } from '../../src/format/qrCard';
import { decodeQrMatrix } from '../support/decodeQr';

describe('qrCard: the contact card a QR code holds', () => {
  it('writes a vCard 3.0 with name, company, title, email and phone only, escaped', () => {
    const card = qrVCard({
      id: 7,
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Engines, Ltd; Analytical',
      title: 'Countess\nof Lovelace',
      email: 'ada@x.example',
      phoneNumber: '+44 20 7946 0000',
      location: 'London',
      imageUrl: 'https://img.example/a.png',
      owner: { email: 'owner@x.example' },
    });
    assert.equal(
      card,
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Lovelace;Ada;;;',
        'FN:Ada Lovelace',
        'ORG:Engines\\, Ltd\\; Analytical',
        'TITLE:Countess of Lovelace',
        'EMAIL;TYPE=INTERNET:ada@x.example',
        'TEL;TYPE=CELL:+44 20 7946 0000',
        'END:VCARD',
      ].join('\r\n'),
    );
    assert.doesNotMatch(card, /PHOTO|UID|London|owner/);
  });

  it('encodes the card so that a QR reader gets it back, accents and all', () => {
    const card = qrVCard({ id: 1, fullName: 'Zoë Ñúñez 李', email: 'zoe@x.example' });
    const matrix = qrMatrix(card);
    assert.ok(matrix);
    assert.equal(matrix.rows.length, matrix.size);
    assert.ok(matrix.rows.every((r) => /^[01]+$/.test(r) && r.length === matrix.size));
    assert.equal(decodeQrMatrix(matrix, jsQR), card);
  });

  it('says a contact too long for a version 25 code is too long', () => {
    const long = qrVCard({ id: 1, fullName: 'N'.repeat(600), company: 'C'.repeat(600) });
    assert.equal(qrMatrix(long), undefined);
    const fits = qrMatrix('x'.repeat(900));
    assert.ok(fits && fits.size <= 17 + 4 * QR_MAX_VERSION);
  });
});
