import { LinqApiError } from './linqApiError';

/** The production API, as documented by Linq. */
export const DEFAULT_API_BASE_URL = 'https://api.linqapp.com/api/partner/v2';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const PORT = '(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?';

/**
 * The one rule for `linqContacts.apiBaseUrl`, also the manifest's `pattern` (a unit test holds the two
 * equal): `https://` to a host name or bracketed IPv6, or `http://` to `localhost`, 127.0.0.0/8 or
 * `[::1]`; an optional port; a path. Never userinfo (`@`), a query or a fragment (not even a bare `?` or
 * `#`), a backslash or white space. Schemes and host names in any case, as URLs allow.
 */
export const BASE_URL_PATTERN =
  `^(?:[hH][tT][tT][pP][sS]://(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])` +
  `|[hH][tT][tT][pP]://(?:[lL][oO][cC][aA][lL][hH][oO][sS][tT]|127(?:\\.${OCTET}){3}|\\[::1\\]))` +
  `${PORT}(?:/[^?#\\s\\\\]*)?$`;

const BASE_URL = new RegExp(BASE_URL_PATTERN);
const LOOPBACK_IPV4 = new RegExp(`^127(?:\\.${OCTET}){3}$`);

/** True for 127.0.0.0/8, `localhost` and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || LOOPBACK_IPV4.test(host);
}

function refuse(): LinqApiError {
  return new LinqApiError(
    'config',
    'The API base URL must be https:// (plain http:// only to localhost, 127.x.x.x or [::1]), without user name, password, "?" or "#".',
  );
}

/**
 * Checks a configured base URL before any request, so the token is never sent in clear over a network
 * or to a host the user did not name. The raw text must match `BASE_URL_PATTERN` (the same rule as the
 * settings editor), then parse as a URL that still satisfies it. Returns the URL with a trailing slash
 * (so relative paths append), or throws a `config` error that never repeats the URL (it could hold
 * credentials).
 */
export function parseBaseUrl(raw: string): URL {
  const text = raw.trim();
  if (!BASE_URL.test(text)) {
    throw refuse();
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse();
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!allowed || url.username || url.password || url.search || url.hash || text.includes('?') || text.includes('#')) {
    throw refuse();
  }
  if (!url.pathname.endsWith('/')) {
    url.pathname += '/';
  }
  return url;
}
