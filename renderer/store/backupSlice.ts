import type { StateCreator } from 'zustand';
import { describeBackup } from '../../shared/backup/describeBackup';
import { verifyBackup } from '../../shared/backup/verifyBackup';
import { t } from '../i18n/i18n';
import { problemLine } from '../i18n/sayPhrase';
import type { BackupSlice, HashiyaState, StoreDeps } from './types';

/**
 * Backups of the whole library: made by hand or on a schedule into the backup folder
 * (the desktop app's, or one the user picks in a browser), listed, checked and restored.
 * A restore replaces the library in one transaction, after a backup of the library it
 * replaces.
 */
export const backupSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], BackupSlice> =>
  (set, get) => {
    // What the library looked like at the last backup, so a schedule skips an unchanged one.
    let backedUp: { saved: number; documents: number } | null = null;

    const patch = (p: Partial<HashiyaState['backup']>) => set({ backup: { ...get().backup, ...p } });

    /** The backup's pieces, read in one transaction and collected, so saves wait only for the read. */
    async function pieces(): Promise<string[]> {
      const out: string[] = [];
      for await (const piece of deps.repo.backupParts({ app: deps.appVersion, created: new Date(deps.now()) })) out.push(piece);
      return out;
    }

    return {
      backup: { running: false, last: null, list: null, unavailable: null, check: null },

      async backUpNow(reason) {
        if (get().backup.running) return false;
        const automatic = reason !== 'manual';
        if (automatic && backedUp && backedUp.saved === get().save.saved && backedUp.documents === get().documents.length) return true;
        patch({ running: true });
        try {
          const content = await pieces();
          const written = await deps.api.writeBackup({ content });
          if (!written.ok) {
            patch({ unavailable: written.reason });
            if (automatic) return false;
            if (written.reason === 'unavailable') {
              // A browser without folder access: the same file, as a download.
              const saved = await deps.api.saveTextFile({
                suggestedName: 'hashiya-backup.jsonl',
                content,
                filterName: t('backups.fileKind'),
                extensions: ['jsonl'],
              });
              if (saved.saved) get().notify({ kind: 'info', text: t('backups.savedTo', { path: saved.path ?? t('backups.downloaded') }) });
              return saved.saved;
            }
            if (written.reason === 'denied') get().notify({ kind: 'error', text: t('backups.notMadeDenied') });
            return false;
          }
          backedUp = { saved: get().save.saved, documents: get().documents.length };
          patch({ last: { name: written.name, path: written.path, at: deps.now() }, unavailable: null });
          if (!automatic) get().notify({ kind: 'info', text: t('backups.saved', { path: written.path }) });
          return true;
        } catch (e) {
          if (!automatic) get().notify({ kind: 'error', text: t('backups.notMade', { message: (e as Error).message }) });
          return false;
        } finally {
          patch({ running: false });
        }
      },

      async listBackups() {
        const listed = await deps.api.listBackups();
        patch(listed.ok ? { list: listed.backups } : { list: [], unavailable: listed.reason });
      },

      async checkBackup(source) {
        let file: { name: string; bytes: Uint8Array };
        if ('name' in source) {
          const read = await deps.api.readBackup({ name: source.name });
          if (!read.ok) {
            patch({ unavailable: read.reason });
            return;
          }
          file = { name: read.name, bytes: read.bytes };
        } else file = source.file;
        const checked = await verifyBackup(file.name, file.bytes);
        patch({
          check: checked.ok
            ? { file: file.name, summary: describeBackup(checked.backup), backup: checked.backup, problems: [] }
            : { file: file.name, summary: null, backup: null, problems: checked.problems.map(problemLine) },
        });
      },

      cancelRestore() {
        patch({ check: null });
      },

      async confirmRestore() {
        const check = get().backup.check;
        if (!check?.backup) return false;
        if (!(await get().flushWrites())) {
          get().notify({ kind: 'error', text: t('backups.restoreUnsaved') });
          return false;
        }
        patch({ running: true });
        try {
          // The library being replaced is kept too, so a restore is never a one-way door.
          await get().backUpNow('before-restore');
          await deps.repo.restoreBackup(check.backup);
        } catch (e) {
          get().notify({ kind: 'error', text: t('backups.restoreFailed', { message: (e as Error).message }) });
          return false;
        } finally {
          patch({ running: false });
        }
        if (get().open) get().closeDocument();
        set({ history: new Map(), libraryHistory: { undo: [], redo: [] }, backup: { ...get().backup, check: null } });
        deps.channel?.post({ kind: 'library' });
        await get().loadSettings();
        await get().loadEntities();
        await get().refreshLibrary();
        get().notify({ kind: 'info', text: t('backups.restored', { file: check.file, summary: check.summary }) });
        return true;
      },
    };
  };
