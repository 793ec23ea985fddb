import { escalationReasons, londonDateOf } from '@send/domain';

/** A score as the register keeps it: the day it describes (null for the raising score) and when it was recorded. */
export interface ScoreOnRecord {
  score: number;
  asAt: string | null;
  recordedAt: string;
}

/**
 * The UK day an open risk's present escalation began: the first score of the unbroken run of
 * escalated scores that ends with today's. Null when its current score is not escalated. Each
 * score is judged as the register judges the current one: against the threshold and the score
 * before it.
 */
export function escalatedSince(scores: ScoreOnRecord[], threshold?: number): string | null {
  let since: ScoreOnRecord | null = null;
  scores.forEach((s, i) => {
    const escalated = escalationReasons({ status: 'OPEN', score: s.score, previousScore: i === 0 ? null : scores[i - 1].score }, threshold).length > 0;
    since = escalated ? (since ?? s) : null;
  });
  const start = since as ScoreOnRecord | null;
  return start === null ? null : (start.asAt ?? londonDateOf(start.recordedAt));
}
