import type { Phrase } from '../i18n/phrase';
import type { DocStatus } from '../model/docStatus';
import type { DocumentMeta, LabelStudioOrigin } from '../model/document';
import type { Entity } from '../model/entity';
import type { LabelRole } from '../model/label';
import type { Stance } from '../model/span';
import type { TextEncodingName } from '../text/decodeText';
import type { Utf16Offset } from '../text/units';

/**
 * The model every format reads into and writes from. Offsets are UTF-16 (the app's
 * unit); each format converts to and from its file's unit (code points for every
 * format Hashiya writes) through `shared/text/codepoints.ts`, at its own boundary.
 */
export interface ExchangeSpan {
  readonly id?: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
  /** Who made the span, when the file says. */
  readonly annotator?: string;
  /** For a mention: the id of the entity it names (see {@link ExchangeDocument.entities}). */
  readonly entity?: string;
  /** For claims. */
  readonly stance?: Stance;
}

/** What layer a record holds: one annotator's, the adjudicated gold, or every layer in one record. */
export type LayerKind = 'annotator' | 'gold' | 'all';

/** Every layer kind, as `meta.layer` writes them. */
export const LAYER_KINDS: readonly LayerKind[] = ['annotator', 'gold', 'all'];

/** The label of the relation that links a claim (head) to the span that makes it (child). */
export const SOURCE_RELATION = 'source';

/** The label of the relation that links a claim (head) to a span it is about (child): a place, a weapon, an actor. */
export const ABOUT_RELATION = 'about';

/** A link between two spans by id; Hashiya's claims use label "source" (head: claim, child: its source) and "about" (child: a target). */
export interface ExchangeRelation {
  readonly head: string;
  readonly child: string;
  readonly label: string;
}

/** One document as a file holds it. */
export interface ExchangeDocument {
  readonly text: string;
  readonly id?: string;
  readonly title?: string;
  /** Where it came from: the file name (and, in a multi-document file, its position). */
  readonly source?: string;
  /** The SHA-256 the file claims for the text, if any (checked by the importer, not trusted). */
  readonly textSha256?: string;
  /** Outlet, date published, URL, author, language and tags, when the file says. */
  readonly documentMeta?: DocumentMeta;
  /** The entities the document's mentions name, when the file says (JSON Lines `meta.entities`). */
  readonly entities?: readonly Entity[];
  /** Who annotated the document, when the file says. */
  readonly annotator?: string;
  /**
   * Which layer the record holds, when it is known (see `shared/export/`): one annotator's,
   * the adjudicated `gold`, or every layer at once (each span then names its annotator).
   */
  readonly layer?: LayerKind;
  /** The layer's status of the document (Hashiya's JSON Lines `meta.status`). */
  readonly status?: DocStatus;
  /** True when every difference between two annotators was settled in review (`meta.reviewed`). */
  readonly reviewed?: boolean;
  readonly spans: readonly ExchangeSpan[];
  readonly relations?: readonly ExchangeRelation[];
  /** The document's own tokenization, UTF-16 [start, end) pairs (from token-based formats). */
  readonly tokens?: readonly (readonly [number, number])[];
  /**
   * The labels of the project the document was annotated in, each with its role, when the
   * file says (Hashiya's JSON Lines `meta.labels`); readers of claims (agreement, review)
   * use the roles, and fall back to the default label set's roles by name without them.
   */
  readonly labelSet?: readonly { readonly name: string; readonly role: LabelRole }[];
  /**
   * Where the document came from in Label Studio, kept so that writing it back fits the
   * project: the task's integer `id`, and the `from_name` / `to_name` of its labels
   * control and text object (a labeling config drops regions whose names it does not hold).
   */
  readonly labelStudio?: LabelStudioOrigin;
  /** The file it was read from and the 1-based line where it begins, for messages. */
  readonly file?: string;
  readonly line?: number;
}

/** A document as a format read it: the file and the 1-based line where it begins are known. */
export type ReadDocument = ExchangeDocument & { readonly file: string; readonly line: number };

/** Something wrong in an input, at a file and 1-based line. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  /** What is wrong, in English (the command line prints it). */
  readonly message: string;
  /** The same as a phrase, when it has one, for the interface to say in its own language. */
  readonly phrase?: Phrase;
}

/** A decoded input file. */
export interface InputFile {
  readonly name: string;
  readonly text: string;
  /**
   * The encoding the text was decoded from, when known. The decoder drops a UTF-8
   * byte-order mark, but brat counts it as character 0 of a `.txt`, so brat needs to know.
   */
  readonly encoding?: TextEncodingName;
  /**
   * The 1-based line of the file where `text` begins, when it is a run of lines read from
   * a larger file (the app reads large JSON Lines files so); 1 when absent. The JSON Lines
   * formats, the ones read that way, number their lines from it.
   */
  readonly line?: number;
}

/** A file a serializer produces. */
export interface OutputFile {
  readonly name: string;
  readonly text: string;
}

/**
 * What parsing found: the documents that are wholly valid, every problem (a document
 * with any problem is left out of `documents`), the raw lines or files that were
 * rejected (so the user can save them), and notes worth telling the user (counts of
 * repaired BIO sequences, skipped discontinuous spans, …).
 */
export interface ParseResult {
  readonly documents: ExchangeDocument[];
  readonly problems: Problem[];
  readonly rejected: { readonly file: string; readonly line: number; readonly text: string }[];
  readonly notes: Phrase[];
}

export interface SerializeOptions {
  /** CoNLL: the labels that go in (overlapping spans cannot all be written). */
  readonly labels?: readonly string[];
  /** Base name for formats that write one file per document (brat). */
  readonly baseName?: string;
  /** CoNLL: write nested spans as extra tag columns (Wojood style) instead of leaving them out. */
  readonly nested?: boolean;
  /**
   * doccano: the column spans go in. `entities` (the default) writes
   * `"entities": [{"id", "start_offset", "end_offset", "label"}]` with `"relations"`, the only
   * variant that holds relations (doccano reads it as "JSONL(Relation)", or in a sequence
   * labelling project whose label column is set to `entities`); `label` writes
   * `"label": [[start, end, "LABEL"], …]`, what doccano's sequence labelling import reads by
   * default, without relations (how many were left out is noted).
   */
  readonly doccanoColumn?: DoccanoColumn;
}

/** The doccano column spans are written in (see {@link SerializeOptions.doccanoColumn}). */
export type DoccanoColumn = 'label' | 'entities';

/** Every {@link DoccanoColumn}, for options and menus. */
export const DOCCANO_COLUMNS: readonly DoccanoColumn[] = ['entities', 'label'];

/** What serializing produced, with notes such as how many spans were left out. */
export interface SerializeResult {
  readonly files: OutputFile[];
  readonly notes: Phrase[];
  /** Spans that could not be written (CoNLL overlaps, labels not chosen). */
  readonly dropped: number;
}

export type FormatName = 'txt' | 'jsonl' | 'doccano' | 'labelstudio' | 'brat' | 'conll';

/** A format: a pure parse/serialize pair over the exchange model. */
export interface Format {
  readonly name: FormatName;
  /** File endings it reads, lowercase, without the dot. */
  readonly extensions: readonly string[];
  /**
   * The files that go with a file named on its own, by name (a brat `.ann`'s `.txt` and the
   * other way round): the command line reads them too when they lie beside it.
   */
  readonly companions?: (name: string) => readonly string[];
  /**
   * The name of a file that, lying beside the documents, gives them their title and metadata
   * (`hashiya-meta.csv`): a folder's file of that name is read with its documents, and a file
   * picker offers it.
   */
  readonly sidecar?: string;
  parse(files: readonly InputFile[]): ParseResult;
  serialize(documents: readonly ExchangeDocument[], options?: SerializeOptions): SerializeResult;
}
