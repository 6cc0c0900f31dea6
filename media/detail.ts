/**
 * The detail tab's script. Contact data arrives as a checked message and is set with `textContent`
 * only; links get an `href` only after the scheme check; images only from https.
 */
import { isAllowedHref, isHttpsUrl } from '../src/format/links';
import { DRAFT_FIELDS, type DraftField } from '../src/format/contactDraft';
import {
  isToWebviewMessage,
  type ContactView,
  type FormView,
  type FromWebviewMessage,
  type PanelState,
} from '../src/webview/protocol';

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
  edit: byId<HTMLButtonElement>('edit'),
  delete: byId<HTMLButtonElement>('delete'),
  pin: byId<HTMLButtonElement>('pin'),
  unpin: byId<HTMLButtonElement>('unpin'),
  qrCode: byId<HTMLButtonElement>('qrCode'),
};
const qrFigure = byId<HTMLElement>('qr');
const formSection = byId<HTMLElement>('form');

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
  buttons.edit.textContent = contact.labels.edit;
  buttons.edit.hidden = !contact.canWrite;
  buttons.delete.textContent = contact.labels.delete;
  buttons.delete.hidden = !contact.canWrite;
  buttons.pin.textContent = contact.labels.pin;
  buttons.pin.hidden = contact.pinned;
  buttons.unpin.textContent = contact.labels.unpin;
  buttons.unpin.hidden = !contact.pinned;
  buttons.qrCode.textContent = contact.labels.qrCode;
  renderQr(contact);
  formSection.hidden = true;
  formSection.replaceChildren();
  card.hidden = false;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Light modules around the code, as the QR standard asks. */
const QUIET_ZONE = 4;

/**
 * The QR code as SVG elements (no markup parsed, no style attribute, no image URL: the CSP stays as it is): one
 * path of dark modules on a light square, drawn at least 200 px wide whatever the theme.
 */
function renderQr(contact: ContactView): void {
  const qr = contact.qr;
  if (!qr) {
    qrFigure.hidden = true;
    qrFigure.replaceChildren();
    return;
  }
  if ('tooLong' in qr) {
    const p = document.createElement('p');
    p.textContent = contact.labels.qrTooLong;
    qrFigure.replaceChildren(p);
    qrFigure.hidden = false;
    return;
  }
  const side = qr.size + 2 * QUIET_ZONE;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${side} ${side}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', contact.labels.qrAlt);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.classList.add('qr-code');
  const light = document.createElementNS(SVG, 'rect');
  light.setAttribute('width', String(side));
  light.setAttribute('height', String(side));
  light.classList.add('qr-light');
  let d = '';
  qr.rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === '1') {
        d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
      }
    }
  });
  const dark = document.createElementNS(SVG, 'path');
  dark.setAttribute('d', d);
  dark.classList.add('qr-dark');
  svg.append(light, dark);
  const caption = document.createElement('figcaption');
  caption.textContent = contact.labels.qrAlt;
  qrFigure.replaceChildren(svg, caption);
  qrFigure.hidden = false;
}

/** The form's inputs by field, while a form is shown. */
let inputs: Partial<Record<DraftField, HTMLInputElement>> = {};

function formValues(): Record<DraftField, string> {
  const values = {} as Record<DraftField, string>;
  for (const key of DRAFT_FIELDS) {
    values[key] = inputs[key]?.value ?? '';
  }
  return values;
}

function paragraph(text: string, className: string, role?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  if (role) {
    p.setAttribute('role', role);
  }
  return p;
}

/** The create or edit form: labelled inputs, Linq's words and notices as text, Save and Cancel. */
function renderForm(form: FormView): void {
  const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.name : undefined;
  card.hidden = true;
  const heading = document.createElement('h1');
  heading.textContent = form.heading;
  const element = document.createElement('form');
  element.noValidate = true;
  element.setAttribute('aria-busy', String(form.busy));
  const nodes: HTMLElement[] = [heading];
  if (form.notice) {
    const notice = document.createElement('div');
    notice.className = 'notice';
    notice.setAttribute('role', 'alert');
    notice.append(paragraph(form.notice.text, 'notice-text'));
    if (form.notice.details.length > 0) {
      const list = document.createElement('ul');
      for (const detail of form.notice.details) {
        const li = document.createElement('li');
        li.textContent = detail;
        list.append(li);
      }
      notice.append(list);
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    for (const action of form.notice.actions) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = action.label;
      b.dataset.action = action.id;
      b.disabled = form.busy;
      b.addEventListener('click', () => vscode.postMessage({ type: 'notice', action: action.id }));
      actions.append(b);
    }
    notice.append(actions);
    nodes.push(notice);
  }
  for (const problem of form.problems) {
    nodes.push(paragraph(problem, 'problem', 'alert'));
  }
  inputs = {};
  for (const field of form.fields) {
    const row = document.createElement('div');
    row.className = 'field';
    const id = `field-${field.key}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = field.label;
    const input = document.createElement('input');
    input.id = id;
    input.name = field.key;
    input.type = field.type;
    input.value = field.value;
    input.disabled = form.busy;
    input.autocomplete = 'off';
    input.addEventListener('input', () => vscode.postMessage({ type: 'formChange', values: formValues() }));
    row.append(label, input);
    if (field.error) {
      const error = paragraph(field.error, 'field-error', 'alert');
      error.id = `${id}-error`;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      row.append(error);
    }
    inputs[field.key] = input;
    element.append(row);
  }
  const buttonsRow = document.createElement('div');
  buttonsRow.className = 'actions';
  const save = document.createElement('button');
  save.type = 'submit';
  save.id = 'save';
  save.textContent = form.labels.save;
  save.disabled = form.busy;
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.id = 'cancel';
  cancel.className = 'secondary';
  cancel.textContent = form.labels.cancel;
  cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  buttonsRow.append(save, cancel);
  element.append(buttonsRow);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'save', values: formValues() });
  });
  nodes.push(element);
  formSection.replaceChildren(...nodes);
  formSection.hidden = false;
  const again = focused !== undefined ? inputs[focused as DraftField] : undefined;
  (again ?? inputs.firstName)?.focus();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebviewMessage(message)) {
    return;
  }
  if (message.type === 'show') {
    render(message.contact);
  } else if (message.type === 'form') {
    renderForm(message.form);
  } else {
    statusLine.textContent = message.text;
    statusLine.classList.toggle('busy', message.busy);
    document.body.setAttribute('aria-busy', String(message.busy));
  }
});

vscode.postMessage({ type: 'ready' });
