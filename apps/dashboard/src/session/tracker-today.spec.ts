import { trackerToday } from './tracker-today';

describe("trackerToday: the UK day of the API's clock, not the device's", () => {
  it("takes the API's day, not the device's, when the device's clock is wrong", () => {
    const deviceMs = Date.parse('2026-12-07T10:00:00.000Z');
    expect(trackerToday('2026-06-15T10:00:00.000Z', deviceMs, () => deviceMs)()).toBe('2026-06-15');
  });

  it('moves on at UK midnight while the page stays open (BST: 23:00 UTC)', () => {
    let deviceMs = 1_000_000;
    const today = trackerToday('2026-06-15T22:59:00.000Z', deviceMs, () => deviceMs);
    expect(today()).toBe('2026-06-15');
    deviceMs += 60_000;
    expect(today()).toBe('2026-06-16');
  });
});
