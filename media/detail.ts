/**
 * The detail tab's script. Contact data arrives as a checked message and is set with `textContent`
 * only; links get an `href` only after the scheme check; images only from https.
 */
import { isAllowedHref, isHttpsUrl, isToWebviewMessage, type ContactView, type FromWebviewMessage, type PanelState } from '../src/webview/protocol';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`missing #${id}`);
  }
  return element as T;
}

const card = byId<HTMLElement>('card');
const statusLine = byId<HTMLParagraphElement>('status');
const nameHeading = byId<HTMLHeadingElement>('name');
const avatar = byId<HTMLDivElement>('avatar');
const fieldList = byId<HTMLDListElement>('fields');
const buttons = {
  copyEmail: byId<HTMLButtonElement>('copyEmail'),
  copyPhone: byId<HTMLButtonElement>('copyPhone'),
  copyVCard: byId<HTMLButtonElement>('copyVCard'),
  insert: byId<HTMLButtonElement>('insert'),
  refresh: byId<HTMLButtonElement>('refresh'),
};

for (const [type, button] of Object.entries(buttons) as Array<[keyof typeof buttons, HTMLButtonElement]>) {
  button.addEventListener('click', () => vscode.postMessage({ type }));
}

function showInitials(contact: ContactView): void {
  avatar.replaceChildren();
  avatar.textContent = contact.initials;
  avatar.classList.add('initials');
}

function render(contact: ContactView): void {
  vscode.setState({ contactId: contact.id });
  nameHeading.textContent = contact.name;
  if (contact.avatarUrl && isHttpsUrl(contact.avatarUrl)) {
    const img = document.createElement('img');
    img.alt = contact.labels.avatarAlt;
    img.referrerPolicy = 'no-referrer';
    img.addEventListener('error', () => showInitials(contact), { once: true });
    img.src = contact.avatarUrl;
    avatar.classList.remove('initials');
    avatar.replaceChildren(img);
  } else {
    showInitials(contact);
  }
  const rows: HTMLElement[] = [];
  for (const field of contact.fields) {
    const dt = document.createElement('dt');
    dt.textContent = field.label;
    const dd = document.createElement('dd');
    dd.dataset.field = field.key;
    if (field.href !== undefined && isAllowedHref(field.href)) {
      const a = document.createElement('a');
      a.href = field.href;
      a.textContent = field.value;
      dd.append(a);
    } else {
      dd.textContent = field.value;
    }
    rows.push(dt, dd);
  }
  fieldList.replaceChildren(...rows);
  buttons.copyEmail.textContent = contact.labels.copyEmail;
  buttons.copyEmail.hidden = !contact.hasEmail;
  buttons.copyPhone.textContent = contact.labels.copyPhone;
  buttons.copyPhone.hidden = !contact.hasPhone;
  buttons.copyVCard.textContent = contact.labels.copyVCard;
  buttons.insert.textContent = contact.labels.insert;
  buttons.refresh.textContent = contact.labels.refresh;
  card.hidden = false;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebviewMessage(message)) {
    return;
  }
  if (message.type === 'show') {
    render(message.contact);
  } else {
    statusLine.textContent = message.text;
    statusLine.classList.toggle('busy', message.busy);
    document.body.setAttribute('aria-busy', String(message.busy));
  }
});

vscode.postMessage({ type: 'ready' });
