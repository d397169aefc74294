import type { DocStatus } from '../../shared/model/docStatus';
import type { HashiyaState } from './types';

/** The open document's status in the editable layer: the annotator's own, or gold's while reviewing. */
export const layerStatusOf = (s: Pick<HashiyaState, 'layer' | 'annotator' | 'statuses' | 'layerStatus'>, docId: string): DocStatus =>
  (s.layer === s.annotator ? s.statuses.get(docId) : s.layerStatus) ?? 'new';
