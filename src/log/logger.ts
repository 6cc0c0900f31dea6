import type * as vscode from 'vscode';

/** The token header written as text, whatever follows it. */
const HEADER = /(x-linq-integration-token["']?\s*[:=]\s*)("[^"]*"|'[^']*'|\S+)/gi;

/** A URL's query string (a path before it is kept). */
const QUERY = /(\/[^\s?#]*)\?[^\s#]+/g;

/**
 * Removes every secret the logger was told of (and anything written as the token header) from a line.
 * Messages are built without the token; this is the second net.
 */
export function redact(line: string, secrets: Iterable<string>): string {
  // `find` carries an email or a phone number in its query string: no query string reaches the log.
  let out = line.replace(HEADER, '$1[token]').replace(QUERY, '$1?…');
  for (const secret of secrets) {
    if (secret.length >= 4) {
      out = out
        .split(secret)
        .join('[token]')
        .split(JSON.stringify(secret).slice(1, -1))
        .join('[token]')
        .split(encodeURIComponent(secret))
        .join('[token]');
    }
  }
  return out;
}

/** The extension's log: the **Linq Contacts** output channel, every line through `redact`. */
export class Logger {
  private readonly secrets = new Set<string>();

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** A value that must never appear in the log (the token in use). */
  hide(secret: string): void {
    this.secrets.add(secret);
  }

  info(message: string): void {
    this.channel.info(redact(message, this.secrets));
  }

  warn(message: string): void {
    this.channel.warn(redact(message, this.secrets));
  }

  /** An error with its technical causes (name and message each, three deep at most). */
  warnError(context: string, error: Error & { details?: { cause?: unknown } }): void {
    const causes: string[] = [];
    for (let c: unknown = error.details?.cause ?? error.cause; c instanceof Error && causes.length < 3; c = c.cause) {
      causes.push(`${c.name}: ${c.message}`);
    }
    const kind = 'kind' in error ? `${String(error.kind)} — ` : '';
    this.warn(`${context}: ${kind}${error.message}${causes.length > 0 ? ` (${causes.join(' ← ')})` : ''}`);
  }
}
