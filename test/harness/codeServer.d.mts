export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly root: string;
  readonly workspace: string;
  readonly logFile: string;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function makeTempDir(prefix: string): string;
export function installVsix(vsix: string, extensionsDir: string, root: string): string;
export function startCodeServer(options: {
  root?: string;
  workspace?: string;
  settings?: Record<string, unknown>;
  smokeTest?: boolean;
  extensionsDir?: string;
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<CodeServer>;
export function devUrl(
  server: CodeServer,
  options: { extensionPath: string; testsPath?: string; env?: Record<string, string> },
): string;
export function workbenchUrl(server: CodeServer): string;
