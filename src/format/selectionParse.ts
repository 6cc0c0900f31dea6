import { emptyDraft, isEmailShape, type Draft } from './contactDraft';
import { splitPersonName } from './personName';
import { looksLikePhone, normalizePhone, normaliseDigits } from './phone';
import { parseVCards } from './vcardParse';

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

/** `Name <addr>` or `"Quoted, Name" <addr>` (RFC 5322 mailbox), or a bare address. */
const MAILBOX = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<>"]*?))\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/;

/** Labels in front of a value on a signature line ("T:", "Mobile", "E-mail:"…). */
const PHONE_LABEL = /^(?:t|tel|telephone|phone|p|m|mob|mobile|cell|office|direct|work|o|d)\b\.?\s*[:.]?\s*/i;

/** Words that mark a job title, and endings that mark an organisation (for "X, Y" and "X | Y" lines). */
const TITLE_WORDS =
  /\b(?:head|chief|officer|director|manager|engineer|developer|designer|analyst|admiral|president|vp|vice|ceo|cto|cfo|coo|founder|partner|lead|consultant|architect|scientist|specialist|assistant|associate|coordinator|executive|recruiter|researcher|professor|intern|sales|marketing|owner)\b/i;
const COMPANY_WORDS =
  /\b(?:inc|llc|ltd|gmbh|bv|nv|ag|sa|plc|corp|corporation|co|company|group|labs?|university|navy|army|bank|technologies|systems|engines|industries)\b\.?$/i;

/** A title and company from one line: "Title at Company", "Title, Company", "Company | Title"… */
function roleLine(line: string): { title: string; company: string } {
  const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(line);
  if (at) {
    return { title: (at[1] ?? '').trim(), company: (at[2] ?? '').trim() };
  }
  const split = /^(.+?)\s*(\||,|·|•| - | – | — )\s*(.+)$/.exec(line);
  if (!split) {
    return TITLE_WORDS.test(line) && !COMPANY_WORDS.test(line)
      ? { title: line, company: '' }
      : { title: '', company: line };
  }
  const left = (split[1] ?? '').trim();
  const right = (split[3] ?? '').trim();
  const score = (title: string, company: string): number =>
    (TITLE_WORDS.test(title) ? 1 : 0) +
    (COMPANY_WORDS.test(company) ? 1 : 0) -
    (TITLE_WORDS.test(company) ? 1 : 0) -
    (COMPANY_WORDS.test(title) ? 1 : 0);
  const leftIsTitle = score(left, right);
  const rightIsTitle = score(right, left);
  if (leftIsTitle !== rightIsTitle) {
    return leftIsTitle > rightIsTitle ? { title: left, company: right } : { title: right, company: left };
  }
  // Undecided: "Title, Company" with a comma, "Company | Title" with a bar.
  return split[2] === ',' ? { title: left, company: right } : { title: right, company: left };
}

/** True for a line that reads as a person's name: 1–5 words of letters, no digits or '@'. */
function isNameLine(line: string): boolean {
  return /^[\p{L}][\p{L}\p{M}' .,-]*$/u.test(line) && line.split(/\s+/).length <= 5;
}

function fromMailbox(text: string): Draft | undefined {
  const m = MAILBOX.exec(text);
  if (!m) {
    return undefined;
  }
  const display = (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '')).trim();
  const name = splitPersonName(display);
  return { ...emptyDraft(), firstName: name.first, lastName: name.last, email: (m[3] ?? '').trim() };
}

/** An email signature block: name, role, email and phone on lines of their own, in any order after the name. */
function fromSignature(text: string): Draft {
  const draft: Record<keyof Draft, string> = { ...emptyDraft() };
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== '--' && l !== '-- ');
  const rest: string[] = [];
  for (const line of lines) {
    const email = EMAIL_IN_TEXT.exec(line);
    if (email) {
      draft.email ||= email[0];
      continue;
    }
    const phone = normaliseDigits(line).replace(PHONE_LABEL, '').trim();
    if (looksLikePhone(phone)) {
      draft.phoneNumber ||= normalizePhone(phone);
      continue;
    }
    if (/^(?:https?:\/\/|www\.)/i.test(line)) {
      continue;
    }
    rest.push(line);
  }
  const nameAt = rest.findIndex(isNameLine);
  if (nameAt >= 0) {
    const name = splitPersonName(rest[nameAt] ?? '');
    draft.firstName = name.first;
    draft.lastName = name.last;
    rest.splice(nameAt, 1);
  }
  if (rest.length === 1) {
    Object.assign(draft, roleLine(rest[0] ?? ''));
  } else if (rest.length >= 2) {
    // Two lines: the role line first, the organisation under it (unless the first line holds both).
    const first = roleLine(rest[0] ?? '');
    if (first.title !== '' && first.company !== '') {
      Object.assign(draft, first);
    } else {
      draft.title = rest[0] ?? '';
      draft.company = rest[1] ?? '';
    }
  }
  return draft;
}

/**
 * The form's values from selected text: a vCard (its first card), an RFC 5322 mailbox (`Name <email>`,
 * `"Last, First" <email>`), or an email signature block (name, title and company, email, phone). Phone
 * numbers come out in E.164 when they can be read. The user checks the result before anything is sent.
 */
export function parseSelection(text: string): Draft {
  if (/BEGIN:VCARD/i.test(text)) {
    const card = parseVCards(text)[0];
    if (card) {
      return card;
    }
  }
  const oneLine = text.trim();
  if (!oneLine.includes('\n')) {
    const mailbox = fromMailbox(oneLine);
    if (mailbox) {
      return mailbox;
    }
    if (isEmailShape(oneLine)) {
      return { ...emptyDraft(), email: oneLine };
    }
  }
  return fromSignature(text);
}
