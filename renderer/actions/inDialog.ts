/** True when the element is inside an open dialog, which takes its own keys (Escape closes it). */
export const inDialog = (el: Element | null | undefined): boolean => !!el?.closest?.('dialog[open]');
