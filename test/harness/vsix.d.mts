export function buildVsix(outFile?: string): string;
export function buildFixtureVsix(folder: string, outFile: string): string;
