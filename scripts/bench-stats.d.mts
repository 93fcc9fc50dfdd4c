export declare function median(values: readonly number[]): number;
export declare function percentile(values: readonly number[], p: number): number;
export declare function alternate<T>(rounds: number, contenders: Record<string, () => T>): Record<string, T[]>;
