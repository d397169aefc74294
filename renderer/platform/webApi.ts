import type { HashiyaApi, PickedFile } from '../../shared/ipc/contract';

/**
 * Stands in for the Electron preload when the workbench runs as a web page: a file
 * input for opening, a download for saving.
 */
export const webApi: HashiyaApi = {
  platform: 'web',

  openTextFiles(request) {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.accept = request ? request.extensions.map((e) => `.${e}`).join(',') : '.txt,text/plain';
      input.setAttribute('aria-label', 'Text files to import');
      input.style.display = 'none';
      document.body.append(input);
      const done = (files: PickedFile[]) => {
        input.remove();
        resolve({ files });
      };
      input.addEventListener('cancel', () => done([]));
      input.addEventListener('change', async () => {
        const picked = await Promise.all(
          [...(input.files ?? [])].map(async (f) => ({ name: f.name, path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
        );
        done(picked);
      });
      input.click();
    });
  },

  async saveTextFile(request) {
    // A copy into a plain ArrayBuffer: Blob does not take views of shared memory.
    const c = request.content;
    const parts: BlobPart[] = typeof c === 'string' ? [c] : c instanceof Uint8Array ? [new Uint8Array(c)] : [...c];
    const blob = new Blob(parts, { type: 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = request.suggestedName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, path: request.suggestedName };
  },
};
