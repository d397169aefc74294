import Document from '@tiptap/extension-document';
import { Node } from '@tiptap/core';

// About how many characters one line of the article holds, and how tall a line and a
// paragraph's gap are (app.css: 1.3rem type at line-height 2.6, 0.2rem between paragraphs).
const CHARS_PER_LINE = 90;
const LINE_REM = 1.3 * 2.6;
const GAP_REM = 0.2;

/**
 * A run of the article's paragraphs (see `positions.ts`). Off screen it is skipped by
 * layout and paint (`content-visibility: auto` in app.css) and takes the height its text
 * would roughly fill, so the scroll bar stays about right until it is drawn.
 */
export const Section = Node.create({
  name: 'section',
  content: 'paragraph+',
  // The text's line (0-based) that the section's first paragraph holds.
  addAttributes: () => ({ firstLine: { default: 0, rendered: false } }),
  parseHTML: () => [{ tag: 'div.article-section' }],
  renderHTML({ node }) {
    let rem = 0;
    node.forEach((p) => (rem += Math.max(1, Math.ceil(p.textContent.length / CHARS_PER_LINE)) * LINE_REM + GAP_REM));
    // content-visibility contains style, so counters never cross a section: its first
    // paragraph starts the lines' count where the text has it, for line numbers (app.css).
    const firstLine = Number(node.attrs.firstLine) || 0;
    return ['div', { class: 'article-section', style: `contain-intrinsic-size: auto ${rem.toFixed(1)}rem; --first-line: ${firstLine}` }, 0];
  },
});

/** The article's document: sections of paragraphs. */
export const SectionedDocument = Document.extend({ content: 'section+' });
