declare const unit: unique symbol;

/**
 * An offset into a JavaScript string, counted in UTF-16 code units. This is the unit
 * the app uses internally (spans in IndexedDB, the editor, the store).
 */
export type Utf16Offset = number & { readonly [unit]: 'utf16' };

/**
 * An offset counted in Unicode code points, the unit of every exported file
 * (exactly Python's `text[start:end]`).
 */
export type CodePointOffset = number & { readonly [unit]: 'codepoint' };

/** Brands a number as a UTF-16 offset; the caller vouches for the unit. */
export const utf16 = (n: number): Utf16Offset => n as Utf16Offset;

/** Brands a number as a code-point offset; the caller vouches for the unit. */
export const codePoint = (n: number): CodePointOffset => n as CodePointOffset;
