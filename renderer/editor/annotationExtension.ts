import { Extension } from '@tiptap/core';
import type { HashiyaStore } from '../store/createStore';
import { annotationPlugin } from './annotationPlugin';
import { badgePlugin } from './badgePlugin';
import { domSelectionPlugin } from './readDomSelection';
import { handlesPlugin } from './handlesPlugin';
import { reviewLayerPlugin } from './reviewLayerPlugin';
import { searchPlugin } from './searchPlugin';
import { suggestionPlugin } from './suggestionPlugin';
import { readOnlyTextPlugin } from './readOnlyTextPlugin';
import { selectionPrecisionPlugin } from './selectionPrecisionPlugin';
import { storeSyncPlugin } from './storeSyncPlugin';

/** What the extension draws: document `docId` as `store` holds it. */
export interface AnnotationsOptions {
  readonly store: HashiyaStore | null;
  readonly docId: string;
}

/**
 * Spans as decorations over an immutable text, kept in step with the store, with drag
 * handles on the selected one; and the record of the browser's selection that keys read
 * before they act. Configure it with the store and the document it shows.
 */
export const Annotations = Extension.create<AnnotationsOptions>({
  name: 'hashiyaAnnotations',
  addOptions: () => ({ store: null, docId: '' }),
  addProseMirrorPlugins() {
    const { store, docId } = this.options;
    if (!store) throw new Error('Annotations needs the store: Annotations.configure({ store, docId })');
    return [
      readOnlyTextPlugin(),
      annotationPlugin(),
      badgePlugin(store),
      storeSyncPlugin(store, docId),
      reviewLayerPlugin(),
      searchPlugin(store, docId),
      suggestionPlugin(store, docId),
      handlesPlugin(store),
      selectionPrecisionPlugin(),
      domSelectionPlugin(),
    ];
  },
});
