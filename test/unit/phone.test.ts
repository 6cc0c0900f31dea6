import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { looksLikePhone, normaliseDigits, normalizePhone, telHref } from '../../src/format/phone';
import { nastyText } from '../support/nastyText';

describe('phone numbers: tel: links, E.164 and what looks like a number', () => {
  it('tel: links need 3 digits, normalise other digit scripts, and write extensions as ;ext=', () => {
    assert.equal(telHref('+1 (555) 010-0199'), 'tel:+15550100199');
    assert.equal(telHref('+1 555 0100 ext. 42'), 'tel:+15550100;ext=42');
    assert.equal(telHref('555-0100 x7'), 'tel:5550100;ext=7');
    assert.equal(telHref('555 0100 #12'), 'tel:5550100;ext=12');
    assert.equal(telHref('٠١٢٣٤٥٦٧٨٩'), 'tel:0123456789');
    assert.equal(telHref('+４９ ３０ １２３'), 'tel:+4930123');
    assert.equal(normaliseDigits('𝟘𝟙𝟚 ० ๙'), '012 0 9');
    assert.equal(telHref('12'), undefined);
    assert.equal(telHref('call me'), undefined);
    assert.equal(telHref('ext 123'), undefined, 'an extension alone is no number');
  });

  it('property: a tel: link holds only +, ASCII digits and ;ext=digits', () => {
    fc.assert(
      fc.property(nastyText, (s) => {
        const href = telHref(s);
        assert.ok(href === undefined || /^tel:\+?\d{3,}(;ext=\d+)?$/.test(href), String(href));
      }),
      { numRuns: 3_000 },
    );
  });

  it('normalizePhone compares numbers as E.164 (US when no country code), else by their digits', () => {
    assert.equal(normalizePhone('(555) 987-6543'), normalizePhone('+1 555 987 6543'));
    assert.equal(normalizePhone('+31 20 123 4567'), '+31201234567');
    assert.notEqual(normalizePhone('+1 555 987 6543'), normalizePhone('+44 555 987 6543'));
    assert.equal(normalizePhone('12'), '12', 'too short to parse: its digits');
  });

  it('looksLikePhone: a leading +, or separators with 7+ digits; not an id or words', () => {
    assert.equal(looksLikePhone('+15559876543'), true);
    assert.equal(looksLikePhone('(555) 987-6543'), true);
    assert.equal(looksLikePhone('555.987.6543'), true);
    assert.equal(looksLikePhone('12345'), false, 'digits only are an id');
    assert.equal(looksLikePhone('555-12'), false, 'fewer than 7 digits');
    assert.equal(looksLikePhone('call 555 987 6543'), false);
  });
});
