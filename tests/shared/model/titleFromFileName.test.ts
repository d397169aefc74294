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

  it.each([
    ['U.S. strikes on Deir ez-Zor', 'U.S. strikes on Deir ez-Zor'],
    ['U.S. strikes.txt', 'U.S. strikes'],
    ['U.S', 'U.S'],
    ['قال المرصد. ثم نفت القوات ذلك', 'قال المرصد. ثم نفت القوات ذلك'],
    ['الجزء 2.5', 'الجزء 2.5'],
    ['archive.2024', 'archive.2024'],
    ['news.jsonl', 'news'],
    ['a.ann', 'a'],
    ['wojood.conll', 'wojood'],
    ['tasks.json', 'tasks'],
    ['sheet.csv', 'sheet'],
    ['sheet.tsv', 'sheet'],
    ['ends with a dot.', 'ends with a dot.'],
  ])('strips only a real extension: %s → %s', (name, title) => {
    expect(titleFromFileName(name)).toBe(title);
  });
});
