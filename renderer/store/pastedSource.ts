/** The source a pasted document is stored with; the library shows it in the interface's language. */
export const PASTED_SOURCE = 'clipboard';
