/** Deterministic demo and hostile contacts in the API's wire shape (snake_case, as Linq sends them). */

export type WireContact = Record<string, unknown> & { id: number };

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Tim',
  'Frances',
  'Edsger',
  'Hedy',
  'Donald',
  'Joan',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
  'Berners-Lee',
  'Allen',
  'Dijkstra',
  'Lamarr',
  'Knuth',
  'Clarke',
];
const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Labs',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Pied Piper',
];
const TITLES = ['CEO', 'CTO', 'Engineer', 'Designer', 'Product Manager', 'Sales Lead', 'Recruiter', 'Researcher'];
const CITIES = ['San Francisco, CA', 'New York, NY', 'London, UK', 'Berlin, DE', 'Tokyo, JP', 'Austin, TX'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

/** The i-th ordinary contact (0-based); its id is `i + 1`. */
export function demoContact(i: number): WireContact {
  const first = pick(FIRST, i);
  const last = pick(LAST, Math.floor(i / FIRST.length) + i);
  const company = pick(COMPANIES, i * 3 + 1);
  const created = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace('Z', '-05:00');
  return {
    id: i + 1,
    first_name: first,
    last_name: last,
    full_name: `${first} ${last}`,
    email: `${slug(first)}.${slug(last)}${i + 1}@${slug(company)}.example`,
    phone_number: `+1555${String(1_000_000 + i).slice(-7)}`,
    company,
    title: pick(TITLES, i * 5 + 2),
    location: pick(CITIES, i),
    image_url: null,
    created_at: created,
    updated_at: created,
    // Every fourth contact is the other user's: the view can group by owner.
    contact_owner:
      i % 4 === 3
        ? { id: 457, email: 'sales@company.example', first_name: 'Sam', last_name: 'Seller', name: 'Sam Seller' }
        : { id: 456, email: 'owner@company.example', first_name: 'Jane', last_name: 'Owner', name: 'Jane Owner' },
  };
}

const LONG = 'W'.repeat(300);

/** Hostile variants by name: what each one tries. */
export const HOSTILE_VARIANTS = {
  /** HTML and script in the name and company, a `javascript:` image. */
  markup: (c: WireContact): WireContact => ({
    ...c,
    full_name: `<img src=x onerror=alert(1)>Mallory ${c.id}`,
    first_name: '<b>Mallory</b>',
    company: '<script>document.title="pwned"</script>Evil Inc',
    image_url: 'javascript:alert(1)',
  }),
  /** Every optional field `null` or missing, no owner. */
  nulls: (c: WireContact): WireContact => ({
    ...c,
    full_name: null,
    first_name: null,
    last_name: null,
    title: null,
    company: null,
    phone_number: null,
    location: null,
    contact_owner: undefined,
  }),
  /** Arabic and Hebrew text, a right-to-left override in the company. */
  rightToLeft: (c: WireContact): WireContact => ({
    ...c,
    full_name: `مرحبا بالعالم ${c.id}`,
    first_name: 'مرحبا',
    last_name: 'بالعالم',
    company: 'شركة \u202Eevil\u202C',
    title: 'מהנדס',
  }),
  /** Emoji, accents, quotes and angle brackets. */
  emoji: (c: WireContact): WireContact => ({
    ...c,
    full_name: `🦄 Émoji Ünïcode ${c.id} 👩‍💻`,
    company: '🍕 Pizza & <Co>',
    title: '"quoted" & \'apos\'',
  }),
  /** 300-character values. */
  long: (c: WireContact): WireContact => ({
    ...c,
    full_name: `${LONG} ${c.id}`,
    company: LONG,
    title: LONG,
    location: LONG,
  }),
  /** No email, no phone, an `http:` image, an owner with only an id. */
  noEmail: (c: WireContact): WireContact => ({
    ...c,
    email: null,
    phone_number: undefined,
    image_url: 'http://insecure.example/a.png',
    contact_owner: { id: 9 },
  }),
  /** Markdown links to commands, bold, a codicon and a `data:` SVG image. */
  markdownCommand: (c: WireContact): WireContact => ({
    ...c,
    full_name: '[link](command:workbench.action.quit) **bold** $(alert)',
    image_url: 'data:image/svg+xml,<svg onload=alert(1)>',
  }),
  /** Snippet syntax in the name and company: inserted text must keep it as it is. */
  snippet: (c: WireContact): WireContact => ({
    ...c,
    full_name: `Dollar $1 \${x} } $TM_FILENAME ${c.id}`,
    company: '${1:evil}',
  }),
  /** Spreadsheet formulas in every text cell a CSV export writes. */
  formula: (c: WireContact): WireContact => ({
    ...c,
    full_name: `=HYPERLINK("http://evil.example","click") ${c.id}`,
    company: '+cmd|/C calc',
    title: '@SUM(1+1)',
    location: '-2+3',
  }),
} as const;

export type HostileVariant = keyof typeof HOSTILE_VARIANTS;

/** The order hostile slots take the variants in. */
const HOSTILE_ORDER = Object.keys(HOSTILE_VARIANTS) as HostileVariant[];

/**
 * With hostile data on, every fifth contact from the third (indexes 2, 7, 12…) is hostile, taking the
 * variants in turn; the others stay ordinary, so pages mix both.
 */
export function hostileVariantAt(i: number): HostileVariant | undefined {
  return i % 5 === 2 ? HOSTILE_ORDER[Math.floor(i / 5) % HOSTILE_ORDER.length] : undefined;
}

/** The index (0-based; the contact's id is one more) of the `nth` contact with this variant. */
export function hostileIndex(variant: HostileVariant, nth = 0): number {
  return 2 + 5 * (HOSTILE_ORDER.indexOf(variant) + nth * HOSTILE_ORDER.length);
}

/** The i-th contact of the organisation, hostile when asked and i falls on a hostile slot. */
export function makeContact(i: number, hostile: boolean): WireContact {
  const contact = demoContact(i);
  const variant = hostile ? hostileVariantAt(i) : undefined;
  return variant ? HOSTILE_VARIANTS[variant](contact) : contact;
}
