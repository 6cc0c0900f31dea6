import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BASE_URL_PATTERN, isLoopbackHost, parseBaseUrl } from '../../src/api/baseUrl';
import { LinqApiError } from '../../src/api/linqApiError';

interface Manifest {
  contributes: { configuration: { properties: Record<string, { pattern?: string; scope?: string }> } };
}

const manifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as Manifest;
const setting = manifest.contributes.configuration.properties['linqContacts.apiBaseUrl'];

function codeAccepts(url: string): boolean {
  try {
    parseBaseUrl(url);
    return true;
  } catch (error) {
    assert.ok(error instanceof LinqApiError && error.kind === 'config', `only config errors: ${String(error)}`);
    return false;
  }
}

/** [URL, accepted]: the settings editor (manifest `pattern`) and the code must agree on every row. */
const TABLE: ReadonlyArray<readonly [string, boolean]> = [
  ['https://api.linqapp.com/api/partner/v2', true],
  ['https://api.linqapp.com/api/partner/v2/', true],
  ['https://api.linqapp.com', true],
  ['HTTPS://API.LINQAPP.COM/api/partner/v2', true],
  ['Https://api.linqapp.com:8443/v2', true],
  ['https://[2001:db8::1]:8443/api', true],
  ['http://localhost:3000/api', true],
  ['HTTP://LOCALHOST/api', true],
  ['http://127.0.0.1:8080/api/partner/v2', true],
  ['http://127.255.10.3', true],
  ['http://[::1]:3000/x', true],
  ['http://api.linqapp.com/api/partner/v2', false],
  ['http://10.0.0.5/api', false],
  ['http://127.1/api', false],
  ['http://127.0.0.256/api', false],
  ['http://128.0.0.1/api', false],
  ['http://localhost.evil.example/api', false],
  ['http://[::2]/api', false],
  ['http://[0:0:0:0:0:0:0:1]/api', false],
  ['https://user:pw@api.linqapp.com/v2', false],
  ['https://user@api.linqapp.com/v2', false],
  ['https://api.linqapp.com@evil.example/v2', false],
  ['http://localhost@evil.example/v2', false],
  ['https://evil.example\\@api.linqapp.com/v2', false],
  ['https://api.linqapp.com/v2?', false],
  ['https://api.linqapp.com/v2#', false],
  ['https://api.linqapp.com/v2?x=1', false],
  ['https://api.linqapp.com/v2#frag', false],
  ['http://127.0.0.1:3000/api?', false],
  ['http://127.0.0.1:3000/api#', false],
  ['https://api.linqapp.com:99999/v2', false],
  ['https://api.linqapp.com:/v2', false],
  ['https://api.linqapp.com/v 2', false],
  ['ftp://127.0.0.1/', false],
  ['javascript:alert(1)', false],
  ['file:///etc/passwd', false],
  ['//api.linqapp.com/v2', false],
  ['api.linqapp.com/v2', false],
  ['https://', false],
  ['not a url', false],
  ['', false],
];

describe('API base URL: one rule for the settings editor and the code', () => {
  it('the manifest pattern is the code’s pattern, and the setting is application-scoped', () => {
    assert.equal(setting?.pattern, BASE_URL_PATTERN);
    assert.equal(setting?.scope, 'application');
  });

  for (const [url, accepted] of TABLE) {
    it(`${accepted ? 'accepts' : 'refuses'} ${JSON.stringify(url)} in both`, () => {
      assert.equal(new RegExp(setting?.pattern ?? '$^').test(url), accepted, 'manifest pattern');
      assert.equal(codeAccepts(url), accepted, 'parseBaseUrl');
    });
  }

  it('appends a slash so relative paths keep the base path', () => {
    assert.equal(
      parseBaseUrl('https://api.linqapp.com/api/partner/v2').href,
      'https://api.linqapp.com/api/partner/v2/',
    );
  });

  it('never repeats the URL in its error (it could hold credentials)', () => {
    assert.throws(
      () => parseBaseUrl('https://alice:s3cret-pw@api.example/v2'),
      (e: unknown) => e instanceof LinqApiError && !e.message.includes('s3cret-pw'),
    );
  });

  it('property: never accepts a non-loopback http, userinfo, a query or a fragment', () => {
    const hosts = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'LocalHost', '127.0.0.2'),
    );
    const urls = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https'] }),
      fc
        .tuple(
          fc.constantFrom('http', 'https', 'HTTP', 'Https', 'ftp', 'ws'),
          fc.option(fc.constantFrom('user@', 'u:p@', ':@', '@')),
          hosts,
          fc.option(fc.integer({ min: 0, max: 70_000 })),
          fc.webPath(),
          fc.option(fc.constantFrom('?', '#', '?a=1', '#x', '?#')),
        )
        .map(
          ([scheme, user, host, port, p, tail]) =>
            `${scheme}://${user ?? ''}${host}${port === null ? '' : `:${port}`}${p}${tail ?? ''}`,
        ),
      fc.string(),
    );
    fc.assert(
      fc.property(urls, (raw) => {
        let url: URL;
        try {
          url = parseBaseUrl(raw);
        } catch {
          return true;
        }
        assert.ok(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)), raw);
        assert.equal(url.username + url.password + url.search + url.hash, '', raw);
        assert.ok(!raw.includes('?') && !raw.includes('#'), raw);
        return true;
      }),
      { numRuns: 2_000 },
    );
  });
});
