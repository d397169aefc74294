import { t } from '../i18n/i18n';
import { guessMapping, type LabelMapping } from '../../shared/suggest/model/labelMapping';
import type { ModelInfo } from '../../shared/suggest/model/tokenClassifier';
import type { Suggestion } from '../../shared/suggest/recommender';
import { api } from '../platform/api';
import { rememberedModel, type ModelMemory } from './modelMemory';
import type { ModelSource } from './modelSource';
import { onnxModelRunner, type ModelRunner } from './onnxModel';

/** Where the model on disk stands, for the dialog (and the suggestions layer) to show. */
export interface ModelState {
  readonly status: 'none' | 'loading' | 'loaded' | 'failed';
  /** The loaded model. */
  readonly info: ModelInfo | null;
  /** Why the last load failed, each naming its file. */
  readonly problems: readonly string[];
  /** The project label each of the model's entity types becomes (null: not suggested). */
  readonly mapping: LabelMapping;
  /** The remembered folder's name, when there is one to load again with a click (a browser asks for access anew after a reload). */
  readonly remembered: string | null;
}

const mappingKey = (info: ModelInfo) => `${info.name}\u0000${info.labels.join('\u0000')}`;

type Picked = { readonly ok: true; readonly source: ModelSource } | { readonly ok: false; readonly problem: string | null };

async function pickSource(memory: ModelMemory): Promise<Picked> {
  if (api.openModelFolder) {
    const picked = await api.openModelFolder();
    return picked.ok ? { ok: true, source: { kind: 'files', name: picked.name, files: picked.files } } : { ok: false, problem: null };
  }
  const show = (window as unknown as { showDirectoryPicker?: (o: object) => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker;
  if (!show) return { ok: false, problem: t('moduleText.noFolderPicker') };
  try {
    const handle = await show.call(window, { id: 'hashiya-model', mode: 'read' });
    await memory.saveFolder(handle);
    return { ok: true, source: { kind: 'handle', handle } };
  } catch (e) {
    return { ok: false, problem: (e as Error).name === 'AbortError' ? null : t('moduleText.folderNotOpened', { message: (e as Error).message }) };
  }
}

/**
 * The model the analyst has on disk: picked, loaded in its worker, its labels mapped onto
 * the project's (the mapping remembered per model), and asked for suggestions.
 */
function modelOnDisk(runner: ModelRunner = onnxModelRunner(), memory: ModelMemory = rememberedModel()) {
  let state: ModelState = { status: 'none', info: null, problems: [], mapping: {}, remembered: null };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<ModelState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  async function load(source: ModelSource, projectLabels: readonly string[]) {
    set({ status: 'loading', problems: [], info: null });
    const result = await runner.load(source).catch((e: unknown) => ({ ok: false as const, problems: [e instanceof Error ? e.message : String(e)] }));
    if (!result.ok) return set({ status: 'failed', problems: result.problems });
    const remembered = await memory.mapping(mappingKey(result.info));
    set({ status: 'loaded', info: result.info, mapping: guessMapping(result.info.types, projectLabels, remembered), remembered: null });
  }

  return {
    getState: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Notes a folder remembered from before, to be loaded again with {@link loadRemembered}. */
    async recall() {
      if (state.status !== 'none' || api.openModelFolder) return;
      const folder = await memory.folder();
      if (folder) set({ remembered: folder.name });
    },
    /** Lets the analyst pick a model folder (needs a click) and loads it. */
    async pick(projectLabels: readonly string[]) {
      const picked = await pickSource(memory);
      if (picked.ok) await load(picked.source, projectLabels);
      else if (picked.problem) set({ status: 'failed', problems: [picked.problem] });
    },
    /** Loads the remembered folder again, asking the browser for access (needs a click). */
    async loadRemembered(projectLabels: readonly string[]) {
      const folder = await memory.folder();
      if (!folder) return set({ remembered: null });
      const access = folder as unknown as { requestPermission(d: { mode: 'read' }): Promise<string> };
      if ((await access.requestPermission({ mode: 'read' })) !== 'granted')
        return set({ status: 'failed', problems: [t('moduleText.folderNotAllowed', { folder: folder.name })] });
      await load({ kind: 'handle', handle: folder }, projectLabels);
    },
    /** Maps one of the model's entity types to a project label (null: not suggested), remembered for this model. */
    async map(type: string, label: string | null) {
      if (!state.info) return;
      const mapping = { ...state.mapping, [type]: label };
      set({ mapping });
      await memory.saveMapping(mappingKey(state.info), mapping);
    },
    /** The loaded model's suggestions for `text`, by the current mapping. */
    suggest: (text: string): Promise<Suggestion[]> => runner.suggest(text, state.mapping),
  };
}

/** The page's one model on disk. */
export const pageModel = modelOnDisk();
