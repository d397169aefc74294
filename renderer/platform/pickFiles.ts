/**
 * Lets the user pick files through a file input: in a browser its dialog, in Electron
 * the native one. The files come back as `File`s, which can be read a piece at a time,
 * so no size limit applies and nothing is copied across the process boundary.
 */
export function pickFiles(extensions: readonly string[], label = 'Files to import'): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.setAttribute('aria-label', label);
    input.style.display = 'none';
    document.body.append(input);
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('cancel', () => done([]));
    input.addEventListener('change', () => done([...(input.files ?? [])]));
    input.click();
  });
}
