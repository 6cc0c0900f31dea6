import { emptyDraft, type Draft } from './contactDraft';
import { splitPersonName } from './personName';

/** One content line: `[group.]NAME;PARAM=…:value`, parameters upper-cased, bare 2.1 types kept as TYPE. */
interface Property {
  readonly name: string;
  readonly types: readonly string[];
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
}

/**
 * Undoes line folding: RFC 6350/2426 (a line break followed by a space or tab) and vCard 2.1's
 * quoted-printable soft breaks (a line ending in `=` inside a QUOTED-PRINTABLE value).
 */
function unfold(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i] ?? '';
    if (/^[ \t]/.test(line) && lines.length > 0) {
      lines[lines.length - 1] += line.slice(1);
      continue;
    }
    while (/QUOTED-PRINTABLE/i.test(line.split(':')[0] ?? '') && line.endsWith('=') && i + 1 < raw.length) {
      line = line.slice(0, -1) + (raw[++i] ?? '');
    }
    lines.push(line);
  }
  return lines;
}

/** Decodes quoted-printable (`=C3=A9`) in the given charset (UTF-8 unless the card says otherwise). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  const label = /^(?:iso-8859-1|latin1|windows-1252)$/i.test(charset) ? 'latin1' : 'utf-8';
  return new TextDecoder(label).decode(new Uint8Array(bytes));
}

function parseLine(line: string): Property | undefined {
  // The value starts at the first colon outside a quoted parameter value.
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') {
      inQuotes = !inQuotes;
    } else if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) {
    return undefined;
  }
  const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
  const name = rawName.replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string>();
  const types: string[] = [];
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      types.push(p.toUpperCase());
      continue;
    }
    const key = p.slice(0, eq).toUpperCase();
    const val = p.slice(eq + 1).replace(/^"|"$/g, '');
    if (key === 'TYPE') {
      types.push(...val.toUpperCase().split(','));
    } else {
      params.set(key, val);
    }
  }
  let value = line.slice(colon + 1);
  if (
    (params.get('ENCODING') ?? (types.includes('QUOTED-PRINTABLE') ? 'QUOTED-PRINTABLE' : '')).toUpperCase() ===
    'QUOTED-PRINTABLE'
  ) {
    value = decodeQuotedPrintable(value, params.get('CHARSET') ?? 'utf-8');
  }
  return { name, types, params, value };
}

/** Splits a structured value on unescaped `;`, then undoes the escapes of each component. */
function components(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + (value[i + 1] ?? '');
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(unescapeText);
}

/** RFC 6350 §3.4: `\\`, `\,`, `\;` and `\n` (a line break becomes a space: fields are one line). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();
}

/** The best of several typed values: PREF first, then the given types in order, then the first. */
function preferred(props: readonly Property[], order: readonly string[]): Property | undefined {
  const pref = props.find((p) => p.types.includes('PREF') || p.params.get('PREF') === '1');
  if (pref) {
    return pref;
  }
  for (const type of order) {
    const hit = props.find((p) => p.types.includes(type));
    if (hit) {
      return hit;
    }
  }
  return props[0];
}

function cardToDraft(props: readonly Property[]): Draft {
  const draft: Record<keyof Draft, string> = { ...emptyDraft() };
  const of = (name: string): Property[] => props.filter((p) => p.name === name && p.value.trim() !== '');
  const n = of('N')[0];
  if (n) {
    const [family = '', given = '', additional = ''] = components(n.value);
    draft.lastName = family;
    draft.firstName = [given, additional].filter((v) => v !== '').join(' ');
  }
  const email = preferred(of('EMAIL'), ['WORK', 'INTERNET', 'HOME']);
  draft.email = email ? unescapeText(email.value.replace(/^mailto:/i, '')) : '';
  const fn = of('FN')[0];
  const fnText = fn ? unescapeText(fn.value) : '';
  // FN gives the name only when N is empty, and never when it is just the email address.
  if (draft.firstName === '' && draft.lastName === '' && fnText !== '' && !fnText.includes('@')) {
    const name = splitPersonName(fnText);
    draft.firstName = name.first;
    draft.lastName = name.last;
  }
  const org = of('ORG')[0];
  draft.company = org ? (components(org.value)[0] ?? '') : '';
  const title = of('TITLE')[0] ?? of('ROLE')[0];
  draft.title = title ? unescapeText(title.value) : '';
  const tel = preferred(of('TEL'), ['CELL', 'WORK', 'VOICE', 'HOME']);
  draft.phoneNumber = tel ? unescapeText(tel.value.replace(/^tel:/i, '')) : '';
  const adr = preferred(of('ADR'), ['WORK', 'HOME']);
  if (adr) {
    const [, , street = '', city = '', region = '', , country = ''] = components(adr.value);
    draft.location = [street, city, region, country].filter((v) => v !== '').join(', ');
  }
  return draft;
}

/**
 * Every card in a vCard text (2.1, 3.0 and 4.0, as Apple Contacts, Google Contacts and Outlook write them):
 * name from `N` (or `FN` when `N` is empty and `FN` is not the email), company from `ORG` (departments
 * dropped), `TITLE`, the preferred `EMAIL` and `TEL`, and `ADR` as one location line.
 */
export function parseVCards(text: string): Draft[] {
  const cards: Draft[] = [];
  let current: Property[] | undefined;
  for (const line of unfold(text)) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      current = [];
    } else if (upper === 'END:VCARD') {
      if (current) {
        cards.push(cardToDraft(current));
      }
      current = undefined;
    } else if (current) {
      const prop = parseLine(line);
      if (prop) {
        current.push(prop);
      }
    }
  }
  return cards;
}
