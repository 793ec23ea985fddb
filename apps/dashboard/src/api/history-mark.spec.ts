import { currentHistoryMark, noteHistoryMark, subscribeToHistoryMark } from './history-mark';

const mark = { verified: false, breakId: '312-edited', kind: 'EDITED', position: '312', acknowledged: false, writesRefused: true };

describe('the history mark the banner shows', () => {
  afterEach(() => noteHistoryMark(undefined));

  it('follows the newest answer: marked while broken, cleared by an answer without the mark', () => {
    noteHistoryMark({ history: mark });
    expect(currentHistoryMark()).toEqual(mark);
    noteHistoryMark({ history: { ...mark, acknowledged: true, writesRefused: false } });
    expect(currentHistoryMark()).toMatchObject({ acknowledged: true, writesRefused: false });
    noteHistoryMark({ cost: 3 });
    expect(currentHistoryMark()).toBeNull();
  });

  it('tells listeners only when the mark changes, so every answer does not redraw the banner', () => {
    const heard: unknown[] = [];
    const stop = subscribeToHistoryMark(() => heard.push(currentHistoryMark()));
    noteHistoryMark({ history: mark });
    noteHistoryMark({ history: { ...mark } });
    noteHistoryMark(undefined);
    noteHistoryMark(undefined);
    stop();
    noteHistoryMark({ history: mark });
    expect(heard).toEqual([mark, null]);
  });

  it('ignores what is not the API’s mark', () => {
    noteHistoryMark({ history: { verified: true } });
    expect(currentHistoryMark()).toBeNull();
    noteHistoryMark({ history: 'broken' });
    expect(currentHistoryMark()).toBeNull();
  });
});
