/**
 * A line of Hashiya's JSONL as its reader sees it: the fields the writer promises (README,
 * "Export format: JSONL"), typed for the tests that read written files back, which check
 * the values.
 */
export interface JsonlLine {
  readonly text: string;
  readonly meta: {
    readonly id?: string;
    readonly title?: string;
    readonly source?: string;
    readonly text_sha256: string;
    readonly annotator?: string;
    readonly layer?: 'annotator' | 'gold' | 'all';
    readonly status?: string;
    readonly reviewed?: boolean;
    readonly labels?: readonly { readonly name: string; readonly role: string }[];
  };
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
  readonly relations?: readonly JsonlRelation[];
}

/** A relation as Prodigy writes it (`head`/`child`: the last token of each span), with Hashiya's span ids beside. */
export interface JsonlRelation {
  readonly head: number;
  readonly child: number;
  readonly head_span: { readonly start: number; readonly end: number; readonly token_start: number; readonly token_end: number; readonly label: string };
  readonly child_span: { readonly start: number; readonly end: number; readonly token_start: number; readonly token_end: number; readonly label: string };
  readonly label: string;
  readonly head_id: string;
  readonly child_id: string;
}

/** A line's relations by span id, as Hashiya reads them: `{head, child, label}`. */
export const relationIds = (line: JsonlLine) => (line.relations ?? []).map((r) => ({ head: r.head_id, child: r.child_id, label: r.label }));

/** One line of a JSONL file, parsed. */
export const readJsonlLine = (line: string): JsonlLine => JSON.parse(line) as JsonlLine;
