export function buildVsix(outFile?: string): string;
