import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readModelFolderFiles } from '../../../electron/main/modelFolderFiles';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readModelFolderFiles', () => {
  it("reads only the model's files, in onnx/ too, following links as a Hugging Face cache has them", async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hashiya-model-folder-'));
    const model = path.join(dir, 'model');
    await mkdir(path.join(model, 'onnx'), { recursive: true });
    await writeFile(path.join(dir, 'blob'), '{"id2label": {"0": "O"}}');
    await symlink(path.join(dir, 'blob'), path.join(model, 'config.json'));
    await writeFile(path.join(model, 'onnx', 'model.onnx'), new Uint8Array([8, 1]));
    await writeFile(path.join(model, 'secrets.txt'), 'not for the page');
    await mkdir(path.join(model, 'tokenizer.json')); // a folder of that name is no file
    const files = await readModelFolderFiles(model);
    expect(Object.keys(files).sort()).toEqual(['config.json', 'onnx/model.onnx']);
    expect(new TextDecoder().decode(files['config.json'])).toBe('{"id2label": {"0": "O"}}');
    expect([...files['onnx/model.onnx']!]).toEqual([8, 1]);
  });
});
