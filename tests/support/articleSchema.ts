import { Schema } from '@tiptap/pm/model';

/** The article editor's document shape (`renderer/editor/sectionNode.ts`): sections of paragraphs of plain text. */
export const articleSchema = new Schema({
  nodes: { doc: { content: 'section+' }, section: { content: 'paragraph+', attrs: { firstLine: { default: 0 } } }, paragraph: { content: 'text*' }, text: {} },
});
