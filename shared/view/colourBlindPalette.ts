/**
 * Okabe and Ito's palette (2008), which readers with any common colour-vision deficiency still
 * tell apart, without its black (no highlight on dark paper) and in the order that keeps the
 * first labels furthest apart: blue, orange, bluish green, reddish purple, vermilion, sky
 * blue, yellow; a grey after them.
 */
const OKABE_ITO: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#999999'];

/** Each label's colour in the colour-blind palette, by its place in the label set (display only: stored colours stay). */
export function colourBlindColours(labelNames: readonly string[]): ReadonlyMap<string, string> {
  return new Map(labelNames.map((name, i) => [name, OKABE_ITO[i % OKABE_ITO.length]!]));
}
