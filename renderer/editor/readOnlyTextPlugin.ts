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
    // Before every commit React saves the selection of a focused element whose
    // `contentEditable` property reads "true", by walking every text node in it: on a long
    // article, hundreds of ms for each keystroke that redraws a panel. The browser edits by
    // the attribute, which stays "true" (plaintext-only would change how a drag selects);
    // only this one element's property reads otherwise, so React leaves the article alone.
    view(view) {
      Object.defineProperty(view.dom, 'contentEditable', {
        configurable: true,
        get: () => (view.dom.getAttribute('contenteditable') === 'false' ? 'false' : 'plaintext-only'),
        set: (value: string) => view.dom.setAttribute('contenteditable', value),
      });
      return {};
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
