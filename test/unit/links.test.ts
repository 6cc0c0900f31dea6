import * as assert from 'node:assert/strict';
import { isAllowedHref, isHttpsUrl, mailtoHref } from '../../src/format/links';

describe('links: the schemes a contact’s values may become', () => {
  it('https only for images; mailto, tel and https for links', () => {
    assert.equal(isHttpsUrl('https://cdn.example/a.png'), true);
    for (const bad of ['http://cdn.example/a.png', 'javascript:alert(1)', 'data:image/png;base64,AA', '//x', '']) {
      assert.equal(isHttpsUrl(bad), false, bad);
    }
    for (const ok of ['mailto:a@example.com', 'tel:+15550100', 'https://example.com']) {
      assert.equal(isAllowedHref(ok), true, ok);
    }
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', 'file:///etc/passwd', 'command:x']) {
      assert.equal(isAllowedHref(bad), false, bad);
    }
  });

  it('mailtoHref encodes what would end a link early', () => {
    assert.equal(mailtoHref('ada@example.com'), 'mailto:ada@example.com');
    const href = mailtoHref('a)b](x)<y>@example.com');
    assert.doesNotMatch(href.slice('mailto:'.length), /[()[\]<>]/);
    assert.equal(decodeURI(href.replace(/%5B/g, '[').replace(/%5D/g, ']')), 'mailto:a)b](x)<y>@example.com');
  });
});
