import { MAX_OPERATION_NAMES, Metrics } from './metrics';

describe('Operation names as metric labels', () => {
  it('keep the names clients send until there are too many, then count new ones as _other', () => {
    const metrics = new Metrics();
    for (let i = 0; i < MAX_OPERATION_NAMES; i++) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('OneTooMany')).toBe('_other');
    expect(metrics.operationLabel('Op7')).toBe('Op7');
    expect(metrics.operationLabel(undefined)).toBe('_anonymous');
  });
});
