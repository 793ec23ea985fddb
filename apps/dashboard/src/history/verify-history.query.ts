/**
 * A person pressing "Check" is told the whole stored history was recomputed, so the page asks for
 * a full check, not one that resumes from where the last check stopped.
 */
export const VERIFY_HISTORY_QUERY = `query VerifyHistory($planId: ID!, $heads: [ChainHeadInput!]) {
  verifyHistory(planId: $planId, heads: $heads, full: true) {
    ok checkedAt eventsChecked
    planHead { position hash }
    heads { position hash matches }
    firstBreak { kind position streamId revision message inThisPlan }
    nextSteps
    readModel { rowsChecked firstMismatch { message } }
  }
}`;

export interface HistoryVerification {
  ok: boolean;
  checkedAt: string;
  eventsChecked: number;
  /** Null when the chains do not hold: a head of altered history must not be kept. */
  planHead: { position: string; hash: string } | null;
  heads: { position: string; hash: string; matches: boolean }[];
  firstBreak: { kind: string; position: string; streamId: string | null; revision: number | null; message: string; inThisPlan: boolean } | null;
  /** What to do when the chains break; the API then gives no head to keep. */
  nextSteps: string[];
  readModel: { rowsChecked: number; firstMismatch: { message: string } | null };
}

/** Roles the API lets check the history (owners are refused). */
export const MAY_VERIFY = ['DFE_ADVISER', 'BOARD_CHAIR', 'BOARD_MEMBER', 'PLAN_ADMINISTRATOR'];

/** A head as a report prints it, `<position>:<hash>`; undefined when it is not one. */
export function parseHead(text: string): { position: string; hash: string } | undefined {
  const match = /^\s*(\d+)\s*:\s*([0-9a-fA-F]{64})\s*$/.exec(text);
  return match ? { position: match[1], hash: match[2].toLowerCase() } : undefined;
}
