import { LinqApiError } from './linqApiError';

/** The production API, as documented by Linq. */
export const DEFAULT_API_BASE_URL = 'https://api.linqapp.com/api/partner/v2';

/** True for 127.0.0.0/8, `localhost` and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks a configured base URL before any request: `https:` anywhere, or `http:` to a loopback host
 * only, so the token is never sent in clear over a network. No credentials, query or fragment.
 * Returns the URL with a trailing slash (so relative paths append), or throws a `config` error.
 */
export function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LinqApiError('config', `The API base URL "${raw}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new LinqApiError(
      'config',
      `The API base URL must use https (plain http is allowed only to localhost or 127.0.0.1); got "${url.protocol}//${url.host}".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new LinqApiError('config', 'The API base URL must not contain credentials, a query or a fragment.');
  }
  if (!url.pathname.endsWith('/')) {
    url.pathname += '/';
  }
  return url;
}
