import { Extension } from '@tiptap/core';
import { annotationPlugin } from './annotationPlugin';
import { readOnlyTextPlugin } from './readOnlyTextPlugin';

/** Spans as decorations over an immutable text. */
export const Annotations = Extension.create({
  name: 'hashiyaAnnotations',
  addProseMirrorPlugins() {
    return [readOnlyTextPlugin(), annotationPlugin()];
  },
});
