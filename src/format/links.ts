/** True for an absolute `https:` URL. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Links allowed in the detail tab: `mailto:`, `tel:` and `https:` only. */
export function isAllowedHref(value: string): boolean {
  try {
    return ['mailto:', 'tel:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * A `mailto:` URL for an address, safe as a link target anywhere (the detail tab, a Markdown link): anything
 * outside a plain address is percent-encoded, brackets and parentheses too, so it cannot end a link early.
 */
export function mailtoHref(email: string): string {
  return `mailto:${encodeURI(email).replace(/[()[\]<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
