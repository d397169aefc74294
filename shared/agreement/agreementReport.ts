/** A measure's value, or null where it does not apply (see `computeAgreement`). */
export type Measure = number | null;

/** Agreement over every document and label. */
export interface OverallAgreement {
  readonly exact_f1: Measure;
  readonly partial_f1: Measure;
  readonly cohen_kappa: Measure;
  readonly fleiss_kappa: Measure;
  readonly krippendorff_alpha: Measure;
}

/** What annotators said of the claims they both made (see `ClaimTally`). */
export interface ClaimAgreement {
  /** Matched claim pairs (summed over annotator pairs). */
  readonly matched: number;
  /** Share of matched claims given the same stance (no stance counts as one: `none`). */
  readonly stance_agreement: Measure;
  /** Cohen's kappa of the stances over the matched claims (mean over annotator pairs). */
  readonly stance_kappa: Measure;
  /** Share of matched claims whose sources lie over the same range (or neither has one). */
  readonly source_agreement: Measure;
}

/** Agreement on one label, with how many spans of it each annotator made. */
export interface LabelAgreement {
  readonly exact_f1: Measure;
  readonly partial_f1: Measure;
  readonly cohen_kappa: Measure;
  readonly krippendorff_alpha: Measure;
  readonly counts: Readonly<Record<string, number>>;
  /** For a label with the claim role only. */
  readonly claims?: ClaimAgreement;
}

/** Span agreement in one document. */
export interface DocumentAgreement {
  readonly id: string;
  readonly exact_f1: Measure;
  readonly partial_f1: Measure;
}

/**
 * What `computeAgreement` answers; also the JSON `hashiya agree --json` prints, so the keys
 * are the JSON's. Numbers are unrounded.
 */
export interface AgreementReport {
  /** Annotators in the order first seen. */
  readonly annotators: readonly string[];
  /** Documents compared (annotated by at least two annotators, see `agreementDocuments`). */
  readonly documents: number;
  /** Documents left out because only one annotator annotated them. */
  readonly documents_left_out: number;
  /** Tokens in the documents compared (each token once, not once per annotator). */
  readonly tokens: number;
  readonly overall: OverallAgreement;
  /** Per label, in name order. */
  readonly labels: Readonly<Record<string, LabelAgreement>>;
  /** `confusion[rowLabel][columnLabel]`: matched span pairs (see `computeAgreement`). */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Worst first. */
  readonly per_document: readonly DocumentAgreement[];
}
