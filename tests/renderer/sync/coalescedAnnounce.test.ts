import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedAnnounce } from '../../../renderer/sync/coalescedAnnounce';
import type { LibraryMessage } from '../../../renderer/store/libraryChannel';

const spans = (docId: string): LibraryMessage => ({ kind: 'spans', docId, put: [], remove: [], statuses: [], decisions: [] });
const library: LibraryMessage = { kind: 'library' };
const said = (posted: (readonly LibraryMessage[])[]) => posted.map((batch) => batch.map((m) => (m.kind === 'spans' ? m.docId : m.kind)).join(' '));

describe('coalescedAnnounce', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('posts spans at once and the library wholesale at most once a second, the last one held until then', () => {
    const posted: (readonly LibraryMessage[])[] = [];
    const announce = coalescedAnnounce((m) => posted.push(m), 1000);
    announce([spans('d1'), library]);
    announce([spans('d2'), library]);
    vi.advanceTimersByTime(400);
    announce([spans('d3'), library]);
    announce([spans('d4')]);
    expect(said(posted)).toEqual(['d1 library', 'd2', 'd3', 'd4']);
    vi.advanceTimersByTime(599);
    expect(posted).toHaveLength(4);
    vi.advanceTimersByTime(1);
    expect(said(posted)).toEqual(['d1 library', 'd2', 'd3', 'd4', 'library']);
    // Nothing more is held: the next change after a quiet second goes out at once.
    vi.advanceTimersByTime(5000);
    expect(posted).toHaveLength(5);
    announce([library]);
    expect(said(posted).at(-1)).toBe('library');
    expect(posted).toHaveLength(6);
  });

  it('holds the library wholesale only when one was posted within the second', () => {
    const posted: (readonly LibraryMessage[])[] = [];
    const announce = coalescedAnnounce((m) => posted.push(m), 1000);
    announce([library]);
    vi.advanceTimersByTime(1000);
    announce([spans('d1'), library]);
    expect(said(posted)).toEqual(['library', 'd1 library']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
