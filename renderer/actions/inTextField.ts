/** True when the element is (inside) a field that takes typed text: the page's keys leave it alone. */
export const inTextField = (el: Element | null | undefined): boolean => !!el?.closest?.('input, textarea, select, [contenteditable="true"]:not(.ProseMirror)');
