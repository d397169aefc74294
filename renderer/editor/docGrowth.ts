import type { Node as PmNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { builtEnd, type TextLayout } from './positions';

/**
 * A long document is built a run of sections at a time (`storeSyncPlugin.ts`): the first
 * screen's at once, the rest appended in later tasks. Each appending transaction carries
 * this meta with the stretch of text it added; every decoration plugin then adds what
 * now lies inside the document and leaves the rest for later.
 */
export interface Growth {
  /** Text offset where the built document ended before, and where it ends now. */
  readonly from: number;
  readonly to: number;
}

const GROWTH = 'hashiya-growth';

/** Marks `tr` as appending the text from `growth.from` to `growth.to`. */
export const markGrowth = (tr: Transaction, growth: Growth) => tr.setMeta(GROWTH, growth);

/** The growth `tr` makes, if it appends a run of sections. */
export const growthOf = (tr: Transaction) => tr.getMeta(GROWTH) as Growth | undefined;

/** Whether a range ending at `end` lies inside the document only since `growth`. */
export const grownInto = (growth: Growth, end: number) => end > growth.from && end <= growth.to;

/** Whether a range ending at `end` lies inside `doc`, as far as it is built. */
export const isBuilt = (layout: TextLayout, doc: PmNode, end: number) => end <= builtEnd(layout, doc.childCount);

/** Whether `doc` holds every section of `layout`. */
export const isComplete = (layout: TextLayout, doc: PmNode) => doc.childCount >= layout.sectionStarts.length;
