/** Runs an entry with `run()` inside a real VS Code extension host (code-server), results to `resultFile`. */
export function runInHostSuite(
  resultFile: string,
  options?: { grep?: string; testsPath?: string; env?: Record<string, string> },
): Promise<void>;
