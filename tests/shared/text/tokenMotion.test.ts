import { describe, expect, it } from 'vitest';
import { tokenIndex } from '../../../shared/text/tokenIndex';
import { nextTokenEnd, nextTokenStart, prevTokenStart } from '../../../shared/text/tokenMotion';
import { tokenize } from '../../../shared/text/tokenize';

const TEXT = 'وأكد المرصد السوري، أن القاعدة';
const index = tokenIndex(tokenize(TEXT));
const at = (word: string) => TEXT.indexOf(word);

describe('moving by token', () => {
  it('steps forward from token start to token start, punctuation included', () => {
    expect(nextTokenStart(index, 0)).toBe(at('المرصد'));
    expect(nextTokenStart(index, at('السوري'))).toBe(at('،'));
    expect(nextTokenStart(index, at('،'))).toBe(at('أن'));
    expect(nextTokenStart(index, at('القاعدة') + 2)).toBe(TEXT.length);
    expect(nextTokenStart(index, TEXT.length)).toBe(TEXT.length);
  });

  it('steps back to the start of the token the caret is in, or of the previous one', () => {
    expect(prevTokenStart(index, at('المرصد') + 3)).toBe(at('المرصد'));
    expect(prevTokenStart(index, at('المرصد'))).toBe(0);
    expect(prevTokenStart(index, at('أن'))).toBe(at('،'));
    expect(prevTokenStart(index, 0)).toBe(0);
  });

  it('grows a selection end to the end of the current or next token', () => {
    expect(nextTokenEnd(index, at('المرصد'))).toBe(at('المرصد') + 'المرصد'.length);
    expect(nextTokenEnd(index, at('المرصد') + 'المرصد'.length)).toBe(at('السوري') + 'السوري'.length);
    expect(nextTokenEnd(index, TEXT.length)).toBe(TEXT.length);
  });
});
