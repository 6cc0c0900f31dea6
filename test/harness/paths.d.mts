export const projectRoot: string;
export const installDir: string;
