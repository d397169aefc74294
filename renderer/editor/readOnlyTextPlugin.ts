import { Plugin, PluginKey } from '@tiptap/pm/state';
import { annotationKey, type AnnotationAction } from './annotationPlugin';
import { growthOf } from './docGrowth';

const blocked = (event: Event) => {
  event.preventDefault();
  return true;
};

/**
 * Keeps the article text immutable while leaving the caret and selection alive: the
 * only transactions allowed to change the document are the one that loads it and those
 * that append the rest of a long one (`docGrowth.ts`), and
 * typing, paste, drop, cut and drag are stopped before they reach the DOM.
 */
export function readOnlyTextPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('hashiya-read-only-text'),
    filterTransaction(tr) {
      if (!tr.docChanged) return true;
      return (tr.getMeta(annotationKey) as AnnotationAction | undefined)?.type === 'load' || growthOf(tr) !== undefined;
    },
    // Plain-text editing only: the caret and selection are the same, and React, which reads the
    // selection of a focused `contenteditable="true"` before every commit by walking all of its
    // text, leaves it alone — that walk cost a long article hundreds of ms a keystroke.
    view(view) {
      const plain = () => view.dom.getAttribute('contenteditable') === 'true' && view.dom.setAttribute('contenteditable', 'plaintext-only');
      plain();
      return { update: plain };
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
