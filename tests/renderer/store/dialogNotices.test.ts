import { describe, expect, it } from 'vitest';
import { testStores } from '../../support/testStore';

const fresh = () => testStores('n').make();

describe('where a notice shows', () => {
  it('raised while a dialog is up, belongs to that dialog; raised outside, to the window', () => {
    const store = fresh();
    const st = () => store.getState();
    st().notify({ kind: 'info', text: 'Imported 1 document.' });
    expect(st().noticeIn).toBeNull();
    st().dialogOpened('labels');
    expect(st().dialogs).toEqual(['labels']);
    st().notify({ kind: 'error', text: 'The labels were not saved.', details: ['label 5: the key 1 is used twice'] });
    expect(st().noticeIn).toBe('labels');
    // The latest replaces the older one, in the same dialog.
    st().notify({ kind: 'error', text: '“actor” is used by 1 span' });
    expect([st().notice?.text, st().noticeIn]).toEqual(['“actor” is used by 1 span', 'labels']);
  });

  it('closing the dialog takes its error with it and hands a confirmation to the window', () => {
    const store = fresh();
    const st = () => store.getState();
    st().dialogOpened('import');
    st().notify({ kind: 'error', text: 'Label mapping: bad' });
    st().dialogClosed('import');
    expect([st().notice, st().noticeIn, st().dialogs]).toEqual([null, null, []]);

    st().dialogOpened('export');
    st().notify({ kind: 'info', text: 'Exported 2 documents.' });
    st().dialogClosed('export');
    expect([st().notice?.text, st().noticeIn]).toEqual(['Exported 2 documents.', null]);
  });

  it('leaves a notice raised before the dialog opened to the window, shown again once it closes', () => {
    const store = fresh();
    const st = () => store.getState();
    st().notify({ kind: 'error', text: 'That span cannot be tagged.' });
    st().dialogOpened('keys');
    st().dialogClosed('keys');
    expect([st().notice?.text, st().noticeIn]).toEqual(['That span cannot be tagged.', null]);
  });
});
