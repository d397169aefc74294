import type { FormatName } from '../../shared/formats/exchange';
import type { LabelMap } from '../../shared/formats/labelMap';
import { formatByName } from '../../shared/formats/registry';
import { planImport } from '../../shared/import/planImport';
import type { Repository } from '../db/repository';
import { readChunks } from './readChunks';
import { growingIndex, mapAll, newTally } from './reviewTally';

/** A checked line-per-document import, ready to be stored: everything it needs is cloneable. */
export interface StreamedImportRequest {
  readonly files: readonly File[];
  readonly format: FormatName;
  readonly map: LabelMap;
  /** The annotator for spans whose file names none. */
  readonly annotator: string;
  readonly now: number;
}

/** What an import stored. */
export interface ImportCounts {
  readonly added: number;
  readonly attached: number;
  readonly duplicates: number;
}

/** Runs a streamed import somewhere (in a worker, or here) and reports bytes read as it goes. */
export type StreamedImporter = (request: StreamedImportRequest, onProgress: (bytesRead: number) => void) => Promise<ImportCounts>;

/**
 * Reads the files again a run of lines at a time, plans each run against the library (and
 * the runs before it) and stores them all in one transaction: all of it or nothing.
 * `linesPerRun` defaults to runs short enough for the main thread; a worker takes longer ones.
 */
export async function streamedImport(
  repo: Repository,
  request: StreamedImportRequest,
  newId: () => string,
  onProgress: (bytesRead: number) => void,
  linesPerRun?: number,
): Promise<ImportCounts> {
  const format = formatByName(request.format);
  if (!format) throw new Error(`unknown format ${request.format}`);
  const running = growingIndex(await repo.libraryIndex());
  const scratch = newTally();
  async function* pieces() {
    let base = 0;
    for (const file of request.files) {
      for await (const chunk of readChunks(file, file.name, format!, linesPerRun)) {
        const plan = planImport(mapAll(chunk.documents, request.map, scratch), running.index, { annotator: request.annotator, now: request.now, newId });
        running.add(plan);
        onProgress(base + chunk.bytesRead);
        yield plan;
      }
      base += file.size;
    }
  }
  return repo.applyImportStream(pieces(), request.now);
}
