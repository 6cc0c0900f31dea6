import type { Linter } from 'eslint';
export declare const FEATURES: string[];
export declare const layers: Linter.Config[];
