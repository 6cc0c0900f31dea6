/** Installs the harness (Debian packages, Node 24, code-server) idempotently. */
export function setup(): void;
