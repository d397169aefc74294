import { afterEach, describe, expect, it, vi } from 'vitest';
import { paletteCss } from '../../../renderer/app/paletteCss';
import { clampScale, initialViewPrefs, storeViewPrefs } from '../../../renderer/store/viewPrefs';

/** A localStorage holding `raw` under the view's key. */
function storage(raw: string | null) {
  const items = new Map<string, string>(raw === null ? [] : [['hashiya.view', raw]]);
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) });
  return items;
}
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('view preferences', () => {
  it('start with badges and line numbers off, the standard palette, the system’s theme and the usual size', () => {
    storage(null);
    expect(initialViewPrefs()).toEqual({ badges: false, lineNumbers: false, palette: 'standard', theme: 'system', textScale: 1, helpOpen: false });
  });

  it('come back as they were kept, and anything unreadable falls back to its default', () => {
    const items = storage(null);
    storeViewPrefs({ badges: true, lineNumbers: true, palette: 'colourBlind', theme: 'dark', textScale: 1.3, helpOpen: true });
    expect(JSON.parse(items.get('hashiya.view')!)).toMatchObject({ theme: 'dark', textScale: 1.3 });
    expect(initialViewPrefs()).toEqual({ badges: true, lineNumbers: true, palette: 'colourBlind', theme: 'dark', textScale: 1.3, helpOpen: true });
    storage('{"badges":"yes","theme":"purple","textScale":40,"palette":3}');
    expect(initialViewPrefs()).toMatchObject({ badges: false, theme: 'system', textScale: 2, palette: 'standard' });
    storage('not json');
    expect(initialViewPrefs().theme).toBe('system');
  });

  it('hold the text size to its steps and range', () => {
    expect(clampScale(1.1000000001)).toBe(1.1);
    expect(clampScale(0.2)).toBe(0.7);
    expect(clampScale(9)).toBe(2);
  });
});

describe('the colour-blind palette', () => {
  it('recolours each label by its place in the set, over the colour each element carries, and the standard one adds nothing', () => {
    expect(paletteCss('standard', ['actor'])).toBe('');
    expect(paletteCss('colourBlind', ['actor', 'place']).split('\n')).toEqual([
      '[data-label="actor"] { --c: #0072B2 !important; }',
      '[data-label="place"] { --c: #E69F00 !important; }',
    ]);
    // A name that would close the selector's string stays inside it.
    expect(paletteCss('colourBlind', ['a"b\\c'])).toBe('[data-label="a\\"b\\\\c"] { --c: #0072B2 !important; }');
  });
});
