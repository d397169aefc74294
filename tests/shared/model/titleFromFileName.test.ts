import { describe, expect, it } from 'vitest';
import { titleFromFileName } from '../../../shared/model/titleFromFileName';

describe('titleFromFileName', () => {
  it.each([
    ['تقرير ديرالزور.txt', 'تقرير ديرالزور'],
    ['000_3ae354dbb617adf6.txt', '000_3ae354dbb617adf6'],
    ['/home/analyst/news/مقال.TXT', 'مقال'],
    ['C:\\Users\\analyst\\أخبار\\خبر.txt', 'خبر'],
    ['archive.2024.txt', 'archive.2024'],
    ['README', 'README'],
    ['.hidden', '.hidden'],
    ['dir/.hidden', '.hidden'],
    ['خبر 🚀.md', 'خبر 🚀'],
  ])('%s → %s', (name, title) => {
    expect(titleFromFileName(name)).toBe(title);
  });

  it('never returns an empty title for a non-empty name', () => {
    for (const name of ['a/', 'dir\\', '.', '/']) expect(titleFromFileName(name)).not.toBe('');
  });
});
