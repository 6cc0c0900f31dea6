import { isEmailShape } from './contactDraft';
import { looksLikePhone } from './phone';

/** What a Look Up entry is: an id (digits only), an email address (one `@`) or a phone number. */
export type LookupKey =
  | { readonly kind: 'id'; readonly id: number }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'phone'; readonly phone: string };

/** The entry read as an id, an email or a phone number; `undefined` when it is none of them. */
export function lookupKey(text: string): LookupKey | undefined {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    const id = Number(value);
    return Number.isSafeInteger(id) && id > 0 ? { kind: 'id', id } : undefined;
  }
  if (value.split('@').length === 2 && isEmailShape(value)) {
    return { kind: 'email', email: value };
  }
  return looksLikePhone(value) ? { kind: 'phone', phone: value } : undefined;
}
