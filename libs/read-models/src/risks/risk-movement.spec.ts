import { RiskEntity } from './risk.entity';
import { RegisterAtInstant, riskMovementBetween } from './risk-movement';

const risk = (ref: string, currentScore: number, status: RiskEntity['status'] = 'OPEN') => ({ riskId: `id-${ref}`, ref, currentScore, status }) as RiskEntity;
const at = (escalationScore: number, ...risks: RiskEntity[]): RegisterAtInstant => ({ escalationScore, risks });
const refs = (rows: { ref: string }[]) => rows.map((r) => r.ref);

describe('riskMovementBetween', () => {
  it('lists a risk raised in the period, and everything as raised when the register did not exist at the start', () => {
    expect(refs(riskMovementBetween(at(15, risk('R1', 6)), at(15, risk('R1', 6), risk('R2', 20))).raised)).toEqual(['R2']);
    expect(refs(riskMovementBetween(undefined, at(15, risk('R1', 6), risk('R2', 20))).raised)).toEqual(['R1', 'R2']);
  });

  it('compares state against state: a risk scored up and back down in between has not moved', () => {
    expect(riskMovementBetween(at(15, risk('R1', 12)), at(15, risk('R1', 12)))).toEqual({ raised: [], rescored: [], closed: [], becameIssues: [] });
  });

  it.each([
    ['up, below the threshold at both ends', 6, 12, 'UP', null],
    ['up to exactly the threshold', 12, 15, 'UP', 'ROSE_TO_THRESHOLD'],
    ['up, already at the threshold', 15, 20, 'UP', null],
    ['down from the threshold to just below it', 15, 12, 'DOWN', 'FELL_BELOW_THRESHOLD'],
    ['down, still above it', 25, 16, 'DOWN', null],
    ['down, below it at both ends', 12, 4, 'DOWN', null],
  ])('re-scores a risk %s', (_label, from, to, direction, crossing) => {
    expect(riskMovementBetween(at(15, risk('R1', from)), at(15, risk('R1', to))).rescored).toEqual([{ risk: risk('R1', to), from, to, direction, crossing }]);
  });

  it('judges each end against the threshold then, and reads no crossing into a moved threshold', () => {
    // The board lowered its threshold from 20 to 12 while the score went from 10 to 12: the re-score took it onto the agenda.
    expect(riskMovementBetween(at(20, risk('R1', 10)), at(12, risk('R1', 12))).rescored[0].crossing).toBe('ROSE_TO_THRESHOLD');
    // The threshold rose from 12 to 20 while the score went up from 12 to 16: it left the agenda, but not because of the score.
    expect(riskMovementBetween(at(12, risk('R1', 12)), at(20, risk('R1', 16))).rescored[0].crossing).toBeNull();
    expect(riskMovementBetween(at(20, risk('R1', 16)), at(12, risk('R1', 12))).rescored[0].crossing).toBeNull();
    expect(riskMovementBetween(at(20, risk('R1', 12)), at(12, risk('R1', 12))).rescored).toEqual([]);
  });

  it('lists a risk closed or recorded as an issue in the period, once', () => {
    const start = at(15, risk('R1', 12), risk('R2', 20), risk('R3', 9, 'CLOSED'));
    const end = at(15, risk('R1', 12, 'CLOSED'), risk('R2', 20, 'BECAME_ISSUE'), risk('R3', 9, 'CLOSED'), risk('R4', 6, 'CLOSED'));
    const moved = riskMovementBetween(start, end);
    expect(refs(moved.closed)).toEqual(['R1', 'R4']);
    expect(refs(moved.becameIssues)).toEqual(['R2']);
    expect(refs(moved.raised)).toEqual(['R4']);
  });
});
