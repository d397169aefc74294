/** See buildCli.mjs. */
export declare const CLI_BUNDLE: string;

/** See buildCli.mjs. */
export declare function buildCli(outfile?: string): Promise<string>;
