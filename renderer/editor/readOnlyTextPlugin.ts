import { Plugin, PluginKey } from '@tiptap/pm/state';
import { annotationKey, type AnnotationAction } from './annotationPlugin';

const blocked = (event: Event) => {
  event.preventDefault();
  return true;
};

/**
 * Keeps the article text immutable while leaving the caret and selection alive: the
 * only transaction allowed to change the document is the one that loads it, and
 * typing, paste, drop, cut and drag are stopped before they reach the DOM.
 */
export function readOnlyTextPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('hashiya-read-only-text'),
    filterTransaction(tr) {
      if (!tr.docChanged) return true;
      return (tr.getMeta(annotationKey) as AnnotationAction | undefined)?.type === 'load';
    },
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => blocked(event),
        cut: (_view, event) => blocked(event),
        dragstart: (_view, event) => blocked(event),
        drop: (_view, event) => blocked(event),
      },
    },
  });
}
