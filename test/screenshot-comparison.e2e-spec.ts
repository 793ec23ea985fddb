import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { screenshotDifference } from './support/dashboard-page';

// The browser suites compare each screen with the picture the README shows; this is that
// comparison on its own, so its tolerance is known to let a changed figure through never.
describe('Screenshot comparison', () => {
  const overview = () => PNG.sync.read(readFileSync(join(__dirname, '..', 'docs', 'screenshots', 'overview.png')));

  it('takes the same picture as the same', () => {
    expect(screenshotDifference(overview(), overview())).toEqual({ ok: true });
  });

  it('notices a changed figure: one small digit’s worth of pixels (8 × 8) is enough', () => {
    const changed = overview();
    for (let y = 100; y < 108; y++) {
      for (let x = 200; x < 208; x++) {
        const i = (changed.width * y + x) * 4;
        changed.data[i] = 255 - changed.data[i];
        changed.data[i + 1] = 255 - changed.data[i + 1];
      }
    }
    expect(screenshotDifference(changed, overview())).toMatchObject({ ok: false, why: '64 pixels differ (40 may)' });
  });

  it('notices a changed layout (another height)', () => {
    const taller = new PNG({ width: overview().width, height: overview().height + 10 });
    expect(screenshotDifference(taller, overview())).toMatchObject({ ok: false, why: expect.stringContaining('px') });
  });
});
