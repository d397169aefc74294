import { problemAt } from '../formats/problemAt';
import { phrase, type Phrase } from '../i18n/phrase';
import { documentProblems } from '../formats/documentProblems';
import { ABOUT_RELATION, SOURCE_RELATION, type ExchangeDocument, type Problem } from '../formats/exchange';
import type { Entity } from '../model/entity';
import type { DocumentMeta, DocumentRecord, DocumentText } from '../model/document';
import { fillMissingMeta } from '../model/fillMissingMeta';
import { newDocument } from '../model/newDocument';
import { createSpan, type Span } from '../model/span';
import { sha256Hex } from '../text/sha256';

/** What the library already holds, as far as matching needs. */
export interface LibraryIndex {
  /** Documents by the SHA-256 of their text. */
  readonly bySha: ReadonlyMap<string, { readonly id: string; readonly title: string }>;
  /** Documents by id. */
  readonly byId: ReadonlyMap<string, { readonly textSha256: string; readonly title: string }>;
}

/** What an import adds to a document already in the library. */
export interface Attachment {
  docId: string;
  title: string;
  spans: Span[];
  meta?: DocumentMeta;
}

/** Everything an import will store, decided before anything is stored. */
export interface ImportPlan {
  readonly newDocuments: { record: DocumentRecord; readonly text: DocumentText; readonly spans: Span[] }[];
  /**
   * Spans for documents already in the library, matched by the SHA-256 of their text, and
   * the metadata the files gave it: storing fills only the fields the library lacks.
   */
  readonly attachments: Attachment[];
  /** Documents that name a library document but whose text differs: never attached by guesswork. */
  readonly mismatches: Problem[];
  readonly problems: Problem[];
  readonly notes: Phrase[];
  readonly annotators: string[];
  /**
   * The entities the imported mentions name, by id, each once: stored when the library has
   * no entity of that id, and otherwise left as the library has it (the mentions attach to it).
   */
  readonly entities: Entity[];
}

export interface PlanOptions {
  /** The annotator for spans whose file names none. */
  readonly annotator: string;
  readonly now: number;
  readonly newId: () => string;
}

/** A problem with a document, at the file and line it was read from. */
const problemOf = (d: ExchangeDocument, said: Phrase) => problemAt(d.file ?? d.source ?? '(input)', d.line ?? 1, said);

/**
 * Plans the import of parsed documents into the library: a text already there (same
 * SHA-256) gets the file's spans attached, under their annotator; a document whose id
 * names a library document with another text is listed as a mismatch; anything else
 * is a new document. Span ids are made fresh (file ids such as T1 repeat across
 * files); claims' "source" relations become links and "about" relations their targets,
 * and other relations, or ones naming a span the document lacks, are left out (a note counts
 * them). A mention keeps its entity when the document lists it (`entities`); the entities
 * listed go into the plan, the first listing of an id winning. A document the model cannot
 * hold with those links (`documentProblems`) is a problem. Pure: nothing is stored here.
 */
export function planImport(docs: readonly ExchangeDocument[], library: LibraryIndex, options: PlanOptions): ImportPlan {
  const newDocuments: ImportPlan['newDocuments'] = [];
  const attachments = new Map<string, Attachment>();
  const mismatches: Problem[] = [];
  const problems: Problem[] = [];
  const annotators = new Set<string>();
  let otherRelations = 0;
  const entities = new Map<string, Entity>();
  // Texts new in this import, so a second copy in the same import attaches to the first.
  const fresh = new Map<string, { record: DocumentRecord; spans: Span[] }>();

  for (const doc of docs) {
    const sha = sha256Hex(doc.text);
    if (doc.textSha256 && doc.textSha256.toLowerCase() !== sha) {
      problems.push(problemOf(doc, phrase('plan.shaMismatch', { given: doc.textSha256, sha })));
      continue;
    }
    const spanIds = new Set(doc.spans.map((s) => s.id));
    const links = (doc.relations ?? []).filter((r) => r.label === SOURCE_RELATION && spanIds.has(r.head) && spanIds.has(r.child));
    const abouts = (doc.relations ?? []).filter((r) => r.label === ABOUT_RELATION && r.head !== r.child && spanIds.has(r.head) && spanIds.has(r.child));
    const bad = documentProblems({ ...doc, relations: links });
    if (bad.length > 0) {
      for (const said of bad) problems.push(problemOf(doc, said));
      continue;
    }
    const existing = library.bySha.get(sha);
    const named = doc.id ? library.byId.get(doc.id) : undefined;
    if (!existing && named) {
      mismatches.push(problemOf(doc, phrase('plan.textsDiffer', { title: doc.title ?? doc.id ?? '', library: named.title })));
      continue;
    }
    const earlier = fresh.get(sha);
    const docId = existing?.id ?? earlier?.record.id ?? options.newId();

    const listed = new Set((doc.entities ?? []).map((e) => e.id));
    for (const e of doc.entities ?? []) if (!entities.has(e.id)) entities.set(e.id, e);
    // Fresh span ids; relations follow them.
    const ids = new Map<string, string>();
    const spans = doc.spans.map((s) => {
      const id = options.newId();
      if (s.id) ids.set(s.id, id);
      const annotator = s.annotator ?? doc.annotator ?? options.annotator;
      annotators.add(annotator);
      const span = createSpan({ id, docId, start: s.start, end: s.end, label: s.label, annotator }, options.now);
      const entityId = s.entity !== undefined && listed.has(s.entity) ? s.entity : undefined;
      return { ...span, ...(s.stance ? { stance: s.stance } : {}), ...(entityId !== undefined ? { entityId } : {}) };
    });
    const byNewId = new Map(spans.map((s, i) => [s.id, i]));
    otherRelations += (doc.relations?.length ?? 0) - links.length - abouts.length;
    for (const r of links) {
      const k = byNewId.get(ids.get(r.head)!)!;
      spans[k] = { ...spans[k]!, sourceId: ids.get(r.child)! };
    }
    for (const r of abouts) {
      const k = byNewId.get(ids.get(r.head)!)!;
      const target = ids.get(r.child)!;
      const was = spans[k]!.targetIds ?? [];
      if (!was.includes(target)) spans[k] = { ...spans[k]!, targetIds: [...was, target] };
    }

    if (existing) {
      const entry = attachments.get(existing.id) ?? { docId: existing.id, title: existing.title, spans: [] };
      entry.spans.push(...spans);
      const meta = fillMissingMeta(entry.meta, doc.documentMeta);
      if (meta) entry.meta = meta;
      attachments.set(existing.id, entry);
      continue;
    }
    if (earlier) {
      earlier.spans.push(...spans);
      const meta = fillMissingMeta(earlier.record.meta, doc.documentMeta);
      if (meta) earlier.record = { ...earlier.record, meta };
      continue;
    }
    const title = doc.title ?? doc.source ?? doc.id ?? 'Imported text';
    const made = newDocument(
      {
        id: docId,
        title,
        source: doc.source ?? doc.file ?? 'import',
        text: doc.text,
        ...(doc.labelStudio ? { labelStudio: doc.labelStudio } : {}),
        ...(doc.documentMeta ? { meta: doc.documentMeta } : {}),
      },
      options.now,
    );
    const text: DocumentText = doc.tokens ? { ...made.text, tokens: doc.tokens } : made.text;
    const entry = { record: made.record, text, spans };
    newDocuments.push(entry);
    fresh.set(sha, entry);
  }
  for (const d of newDocuments) d.record = { ...d.record, spanCount: d.spans.length };
  const notes: Phrase[] = [];
  if (otherRelations) notes.push(phrase('planNote.otherRelations', { count: otherRelations }));
  return {
    newDocuments,
    attachments: [...attachments.values()],
    mismatches,
    problems,
    notes,
    annotators: [...annotators].sort(),
    entities: [...entities.values()],
  };
}
