/** Which colours label highlights are drawn in: the label set's own, or a palette colour-blind readers tell apart. */
export type Palette = 'standard' | 'colourBlind';

/** Light or dark, or whichever the system asks for (`prefers-color-scheme`). */
export type Theme = 'system' | 'light' | 'dark';

/** How the analyst likes to see the text, kept in the browser's storage for this machine. */
export interface ViewPrefs {
  /** Each span's label name as a small badge at its start. */
  readonly badges: boolean;
  /** A number beside each line of the text. */
  readonly lineNumbers: boolean;
  readonly palette: Palette;
  readonly theme: Theme;
  /** The text's size as a multiple of the usual one, between `MIN_SCALE` and `MAX_SCALE`. */
  readonly textScale: number;
  /** The help shown beside the text when no span is selected. */
  readonly helpOpen: boolean;
}

/** The smallest and largest text the size control reaches, and its step. */
export const MIN_SCALE = 0.7;
export const MAX_SCALE = 2;
export const SCALE_STEP = 0.1;

const KEY = 'hashiya.view';

/** What a first start shows: no badges, no line numbers, the label set's colours, the system's theme. */
const DEFAULT_VIEW: ViewPrefs = { badges: false, lineNumbers: false, palette: 'standard', theme: 'system', textScale: 1, helpOpen: false };

/** `scale` rounded to a step and held inside the control's range. */
export function clampScale(scale: number): number {
  const stepped = Math.round(scale / SCALE_STEP) * SCALE_STEP;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Number(stepped.toFixed(2))));
}

/** What was chosen before, each choice checked; anything unreadable falls back to the default. */
export function initialViewPrefs(): ViewPrefs {
  let stored: Record<string, unknown> = {};
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (raw && typeof raw === 'object') stored = raw as Record<string, unknown>;
  } catch {
    // Unreadable or unavailable storage: start from the defaults.
  }
  const flag = (name: 'badges' | 'lineNumbers' | 'helpOpen') => (typeof stored[name] === 'boolean' ? stored[name] : DEFAULT_VIEW[name]);
  return {
    badges: flag('badges'),
    lineNumbers: flag('lineNumbers'),
    helpOpen: flag('helpOpen'),
    palette: stored.palette === 'colourBlind' ? 'colourBlind' : 'standard',
    theme: stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : 'system',
    textScale: typeof stored.textScale === 'number' && Number.isFinite(stored.textScale) ? clampScale(stored.textScale) : 1,
  };
}

/** Keeps the choices for the next start. */
export function storeViewPrefs(prefs: ViewPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // A browser without storage forgets the choice; the view still follows it now.
  }
}
