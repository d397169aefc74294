/**
 * A line of Hashiya's JSONL as its reader sees it: the fields the writer promises (README,
 * "Export format: JSONL"), typed for the tests that read written files back, which check
 * the values. `tokens` and token indices are in `jsonlFormat`'s lines, not the app's export.
 */
export interface JsonlLine {
  readonly text: string;
  readonly meta: { readonly id?: string; readonly title?: string; readonly source?: string; readonly text_sha256: string; readonly annotator?: string };
  readonly tokens?: readonly { readonly text: string; readonly start: number; readonly end: number; readonly id: number; readonly ws: boolean }[];
  readonly spans: readonly {
    readonly id?: string;
    readonly start: number;
    readonly end: number;
    readonly token_start?: number;
    readonly token_end?: number;
    readonly label: string;
    readonly text: string;
    readonly attrs?: { readonly stance?: string };
    readonly annotator?: string;
  }[];
  readonly relations?: readonly { readonly head: string; readonly child: string; readonly label: string }[];
}

/** One line of a JSONL file, parsed. */
export const readJsonlLine = (line: string): JsonlLine => JSON.parse(line) as JsonlLine;
