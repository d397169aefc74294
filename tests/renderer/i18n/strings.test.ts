import { describe, expect, it } from 'vitest';
import { ar } from '../../../renderer/i18n/ar';
import { en } from '../../../renderer/i18n/en';

type Tree = { readonly [key: string]: string | Tree };

/** Every string of a tree by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys without their plural form, each with the forms present. */
function bases(strings: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const form = PLURAL.exec(key)?.[1] ?? '';
    const base = key.replace(PLURAL, '');
    out.set(base, (out.get(base) ?? new Set()).add(form));
  }
  return out;
}

const variables = (s: string) => new Set([...s.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));

describe('the interface strings', () => {
  const english = flatten(en);
  const arabic = flatten(ar);
  const enBases = bases(english);
  const arBases = bases(arabic);

  it('has every string in both languages', () => {
    expect([...arBases.keys()].sort()).toEqual([...enBases.keys()].sort());
  });

  it('has every plural form each language needs, and only those', () => {
    const need = (lang: string) => new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
    for (const [lang, table] of [
      ['en', enBases],
      ['ar', arBases],
    ] as const) {
      for (const [base, forms] of table) {
        if (forms.has('')) expect([...forms], `${lang} ${base}: plain and plural forms`).toEqual(['']);
        else expect([...forms].sort(), `${lang} ${base}`).toEqual([...need(lang)].sort());
      }
    }
  });

  it('uses the same variables in both languages (a count may be said in words)', () => {
    for (const [base] of enBases) {
      const of = (strings: Map<string, string>) => new Set([...strings].filter(([k]) => k.replace(PLURAL, '') === base).flatMap(([, v]) => [...variables(v)]));
      const want = [...of(english)].filter((v) => v !== 'count').sort();
      expect([...of(arabic)].filter((v) => v !== 'count').sort(), base).toEqual(want);
    }
  });

  it('has no empty string, and every Arabic string is written in Arabic', () => {
    for (const [k, v] of english) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of arabic) expect(v, k).toMatch(/[\u0600-\u06ff]/);
  });
});
