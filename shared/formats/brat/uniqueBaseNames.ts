// Characters no file name may hold on Windows, macOS or Linux, controls included.
// eslint-disable-next-line no-control-regex -- the controls are meant: they are among the characters to replace
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Names Windows reserves whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
// Code points, not bytes: Arabic takes two UTF-8 bytes each, so 80 stays far below 255 bytes.
const MAX_CODE_POINTS = 80;

/** A base name that is safe on every system: no separators or reserved characters, no trailing dot or space. */
function safeBaseName(wanted: string): string {
  let name = Array.from(wanted.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim()).slice(0, MAX_CODE_POINTS).join('');
  name = name.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (RESERVED.test(name)) name = `_${name}`;
  return name;
}

/**
 * One safe base name (no extension) per wanted name, unique without regard to case
 * (Windows and macOS disks ignore it): a repeat gets " (2)", " (3)", …; an empty or
 * wholly unsafe name becomes `fallback(k)` for its 0-based position.
 */
export function uniqueBaseNames(wanted: readonly string[], fallback: (k: number) => string): string[] {
  const taken = new Set<string>();
  return wanted.map((w, k) => {
    const base = safeBaseName(w) || safeBaseName(fallback(k)) || `document-${k + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}
