import { colourBlindColours } from '../../shared/view/colourBlindPalette';
import type { Palette } from '../store/viewPrefs';

/** `name` as a CSS string's contents: quotes, backslashes and control characters escaped. */
const cssString = (name: string) =>
  Array.from(name, (c) => {
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') return `\\${c}`;
    return code < 0x20 || code === 0x7f ? `\\${code.toString(16)} ` : c;
  }).join('');

/**
 * The style sheet that recolours everything drawn in a label's colour (spans, badges, review
 * layers, suggestions, the label bar: each carries `data-label` and takes `--c`) in the chosen
 * palette. Empty for the standard one. `!important` wins over the inline `--c` each element gets
 * from the label set, so nothing stored or exported changes and no decoration is redrawn.
 */
export function paletteCss(palette: Palette, labelNames: readonly string[]): string {
  if (palette === 'standard') return '';
  return [...colourBlindColours(labelNames)].map(([name, colour]) => `[data-label="${cssString(name)}"] { --c: ${colour} !important; }`).join('\n');
}
