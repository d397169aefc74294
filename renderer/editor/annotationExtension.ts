import { Extension } from '@tiptap/core';
import { annotationPlugin } from './annotationPlugin';
import { domSelectionPlugin } from './readDomSelection';
import { handlesPlugin } from './handlesPlugin';
import { reviewLayerPlugin } from './reviewLayerPlugin';
import { readOnlyTextPlugin } from './readOnlyTextPlugin';

/**
 * Spans as decorations over an immutable text, with drag handles on the selected one; and
 * the record of the browser's selection that keys read before they act.
 */
export const Annotations = Extension.create({
  name: 'hashiyaAnnotations',
  addProseMirrorPlugins() {
    return [readOnlyTextPlugin(), annotationPlugin(), reviewLayerPlugin(), handlesPlugin(), domSelectionPlugin()];
  },
});
