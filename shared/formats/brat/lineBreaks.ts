// brat's server is Python: it reads an .ann with readlines(), which splits where
// str.splitlines does, and its annotator strips what str.isspace calls whitespace. These
// are those two sets, so that what Hashiya writes is read as brat reads it.

// Python's str.isspace: TAB, LF, VT, FF, CR, FS, GS, RS, US, space, NEL, NBSP, and the
// Unicode spaces and separators (never U+FEFF, never a direction mark).
const WHITESPACE = '\\t\\n\\u000b\\u000c\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** What Python's `str.splitlines` ends a line at: LF, CR, VT, FF, FS, GS, RS, NEL, LS, PS. */
// eslint-disable-next-line no-control-regex -- the controls are meant: Python ends lines at them
export const PYTHON_LINE_BREAK = /[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;

/** A character Python's `str.isspace` holds true for (line breaks included). */
export const PYTHON_WHITESPACE = new RegExp(`[${WHITESPACE}]`);

/** Text that is nothing but Python whitespace (or empty). */
export const PYTHON_WHITESPACE_ONLY = new RegExp(`^[${WHITESPACE}]*$`);
