import { Extension } from '@tiptap/core';
import { annotationPlugin } from './annotationPlugin';
import { handlesPlugin } from './handlesPlugin';
import { reviewLayerPlugin } from './reviewLayerPlugin';
import { readOnlyTextPlugin } from './readOnlyTextPlugin';

/** Spans as decorations over an immutable text, with drag handles on the selected one. */
export const Annotations = Extension.create({
  name: 'hashiyaAnnotations',
  addProseMirrorPlugins() {
    return [readOnlyTextPlugin(), annotationPlugin(), reviewLayerPlugin(), handlesPlugin()];
  },
});
