/** The attribute that marks the library's search field. */
export const LIBRARY_SEARCH_ATTRIBUTE = 'data-library-search';

/**
 * The library's search field while the library is shown, for the key that focuses it. Read
 * from the page, as the open article's editor is (`activeView`): the DOM already says
 * whether the library is drawn.
 */
export function librarySearchField(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`input[${LIBRARY_SEARCH_ATTRIBUTE}]`);
}
