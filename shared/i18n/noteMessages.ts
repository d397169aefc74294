/**
 * The English of every note a reader, a writer or the import plan gives (what was read another
 * way, what was left out), in the same form as the problems' (`problemMessages.ts`, which takes
 * these areas in): the command line prints them word for word as before; the interface says
 * them in its language (`renderer/i18n/arNotes.ts`). A counted noun is a phrase of its own
 * (`counted`), so each language counts it its own way while the sentence stays one.
 */
export const NOTE_MESSAGES = {
  counted: {
    spans_one: '{{count, n}} span(s)',
    spans_other: '{{count, n}} span(s)',
    relations_one: '{{count, n}} relation(s)',
    relations_other: '{{count, n}} relation(s)',
    stances_one: '{{count, n}} stance(s)',
    stances_other: '{{count, n}} stance(s)',
    documents_one: '{{count, n}} document(s)',
    documents_other: '{{count, n}} document(s)',
    tokens_one: '{{count, n}} token(s)',
    tokens_other: '{{count, n}} token(s)',
    chunks_one: '{{count, n}} chunk(s)',
    chunks_other: '{{count, n}} chunk(s)',
    iTags_one: '{{count, n}} I- tag(s)',
    iTags_other: '{{count, n}} I- tag(s)',
    ieTags_one: '{{count, n}} I- or E- tag(s)',
    ieTags_other: '{{count, n}} I- or E- tag(s)',
    sections_one: '{{count, n}} {{marker}} section(s)',
    sections_other: '{{count, n}} {{marker}} section(s)',
    txtFiles_one: '{{count, n}} .txt file(s)',
    txtFiles_other: '{{count, n}} .txt file(s)',
    predictions_one: '{{count, n}} prediction(s)',
    predictions_other: '{{count, n}} prediction(s)',
    cancelled_one: '{{count, n}} cancelled (skipped) annotation(s)',
    cancelled_other: '{{count, n}} cancelled (skipped) annotation(s)',
    results_one: '{{count, n}} result(s) of type {{type}}',
    results_other: '{{count, n}} result(s) of type {{type}}',
    looseChoices_one: '{{count, n}} choice(s) not tied to a region',
    looseChoices_other: '{{count, n}} choice(s) not tied to a region',
    otherChoices_one: '{{count, n}} choice(s) that are not a stance',
    otherChoices_other: '{{count, n}} choice(s) that are not a stance',
    bratNotes: '{{count, n}} note (#)',
    bratEvents: '{{count, n}} event (E)',
    bratModifiers: '{{count, n}} modifier (M)',
    bratNormalizations: '{{count, n}} normalization (N)',
    bratEquivalences: '{{count, n}} equivalence (*)',
    times: '{{name}} ×{{count, n}}',
  },
  writeNote: {
    spans: "{{spans, said}} outside their text, empty, splitting a character, without a label or repeating another span's id were left out",
    relations: '{{relations, said}} were left out: they link spans that were not written, or have no label',
    tokens: '{{documents, said}} had tokens that do not fit their text; the project tokenizer was used instead',
  },
  txtNote: {
    spans: 'plain text holds no annotations: {{spans, said}} were not written',
  },
  doccanoNote: {
    labelColumn: 'doccano\'s "label" column holds no relations: {{relations, said}} were not written (the "entities" column holds them)',
    stances: 'doccano has no span attributes: the stance of {{spans, said}} was not written',
    annotators: 'doccano has no per-span annotator: {{spans, said}} lost theirs',
  },
  labelStudioNote: {
    notRead: '{{what, said}} were not read',
    across: '{{relations, said}} link spans of different annotators; Label Studio keeps a relation inside one annotation, so they were left out',
  },
  jsonLinesNote: {
    answered: 'answered "{{answer}}"',
    leftOut_one: '{{file}}: {{count, n}} task {{why, said}} was left out (only accepted tasks are read)',
    leftOut_other: '{{file}}: {{count, n}} tasks {{why, said}} were left out (only accepted tasks are read)',
  },
  conllNote: {
    given: 'given',
    detected: 'detected',
    iob1: '{{file}}: read as IOB1 ({{how, said}}): {{chunks, said}} begin with I-; B- only separates two chunks of one type',
    began: '{{file}}: {{tags, said}} began a chunk (read as B-) in {{scheme}} ({{how, said}})',
    unterminated: '{{file}}: {{chunks, said}} ended without an E- or S- tag in BIOES ({{how, said}}) and were closed where the next tag began',
    lastColumn: '{{file}}: {{columns, n}} columns on every line: the last was read as the tag; columns {{first, n}}–{{before, n}} (part of speech, chunks…) were not read',
    emptySections: '{{file}}: {{sections, said}} held no tokens and were skipped',
    nthDocument: 'document {{n, d}}',
    retokenizedDocument: '{{document, said}} ({{why, said}})',
    tokenBad: 'token {{token, d}} ({{start, d}}..{{end, d}}) is empty, out of order or outside the text',
    tokenSpace: 'token {{token, d}} ({{start, d}}..{{end, d}}) holds a space, tab or line break',
    beforeToken: 'the text before token {{token, d}} ({{start, d}}..{{end, d}}) is in no token',
    afterTokens: 'the text after the last token is in no token',
    retokenized: "the project tokenizer was used where a document's own tokens could not be written: {{documents, semicolons}}",
    empty: '{{documents, said}} hold no tokens and were not written',
    invalid: '{{spans, said}} outside their text (or in a document without tokens) were left out',
    badLabel: '{{spans, said}} were left out: a CoNLL tag cannot hold an empty label or one with spaces',
    notChosen: '{{spans, said}} with labels not chosen were left out ({{labels, commas}})',
    noToken: '{{spans, said}} covering no token (only spaces) were left out',
    widened: '{{spans, said}} did not begin and end on token boundaries and were widened to whole tokens',
    crossed: '{{spans, said}} crossed another span of the same label and were left out',
    overlapped: '{{spans, said}} overlapped an earlier or longer span and were left out (one tag per token; the nested option writes overlaps)',
    joined: '{{spans, said}} ran across a line break; the lines they span were written as one sentence',
    noRelations: 'CoNLL holds no relations or stances: {{relations, said}} and {{stances, said}} were not written',
    misread: '{{tokens, said}} are "{{marker}}" or begin the file with U+FEFF, which readers will take for a document marker or a byte-order mark',
  },
  bratNote: {
    configs: 'brat configuration files were not read: {{files, commas}}',
    txtAlone: '{{files, said}} had no .ann beside them and were read as documents without spans',
    joined:
      '{{spans, said}} written in pieces (start end;start end) parted only by line breaks and spaces, as brat writes a span across lines, were each read as one span from its first start to its last end',
    discontinuous_one:
      '{{count, n}} discontinuous span(s) (start end;start end) with text between their pieces found: Hashiya holds only contiguous spans, so their documents were not imported',
    discontinuous_other:
      '{{count, n}} discontinuous span(s) (start end;start end) with text between their pieces found: Hashiya holds only contiguous spans, so their documents were not imported',
    lines: 'ignored brat lines Hashiya does not hold: {{lines, commas}}',
    attributes: 'ignored attributes other than {{stance}}: {{attributes, commas}}',
    outside: '{{spans, said}} outside their text, empty, or splitting a character were left out',
    badLabel: '{{spans, said}} were left out: brat labels cannot be empty or hold spaces ({{labels, commas}})',
    blank: '{{spans, said}} holding only line breaks and spaces were left out: brat cannot write them',
    narrowed:
      "{{spans, said}} began or ended with a line break (or spaces beside one), which brat cannot hold at a span's edge: they were written without it",
    relations: '{{relations, said}} were left out: they link spans that were not written, or their label is empty or holds spaces',
  },
  planNote: {
    otherRelations_one:
      "{{count, n}} relation other than a claim's source or what it is about (or pointing at a missing span) were not kept",
    otherRelations_other:
      "{{count, n}} relations other than a claim's source or what it is about (or pointing at a missing span) were not kept",
  },
} as const;
