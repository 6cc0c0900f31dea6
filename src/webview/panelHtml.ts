import { randomBytes } from 'node:crypto';

/** A fresh nonce for each page: 128 random bits, base64. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The tab's HTML: a fixed skeleton with no contact data in it (the script fills it in as text).
 * CSP: nothing by default; script only by nonce; style only from the extension; images from the
 * webview's own resources, and from https (avatars) only when `remoteImages` is on.
 */
export function renderPanelHtml(args: {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
  remoteImages: boolean;
}): string {
  const { cspSource, scriptUri, styleUri, nonce } = args;
  const csp = [
    "default-src 'none'",
    args.remoteImages ? `img-src ${cspSource} https:` : `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${styleUri}" rel="stylesheet">
<title>${escapeHtml(args.title)}</title>
</head>
<body>
<main id="root" aria-live="polite">
  <p id="status" role="status"></p>
  <article id="card" hidden>
    <header class="card-header">
      <div id="avatar" class="avatar" aria-hidden="true"></div>
      <h1 id="name"></h1>
    </header>
    <div class="actions" role="toolbar">
      <button id="copyEmail" type="button"></button>
      <button id="copyPhone" type="button"></button>
      <button id="copyVCard" type="button" class="secondary"></button>
      <button id="insert" type="button" class="secondary"></button>
      <button id="refresh" type="button" class="secondary"></button>
      <button id="pin" type="button" class="secondary"></button>
      <button id="unpin" type="button" class="secondary" hidden></button>
      <button id="qrCode" type="button" class="secondary"></button>
      <button id="edit" type="button" class="secondary" hidden></button>
      <button id="delete" type="button" class="secondary" hidden></button>
    </div>
    <dl id="fields"></dl>
    <figure id="qr" class="qr" hidden></figure>
  </article>
  <section id="form" hidden></section>
</main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

/** Escapes text for HTML (used only for the static title). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
