import { DeliveryConfidence, EvidenceKind, ReportableRag } from '@send/domain';
import { DemoOwnerKey } from './demo-owners';

export const DEMO_PLAN_ID = 'demo-plan';

/**
 * Demo dates are whole days relative to the anchor (the day the demo is loaded), so the plan
 * always looks current: -20 is twenty days ago, +120 is four months out.
 */
export type DayOffset = number;

/** The three board meetings the demo's history covers, numbered oldest first. */
export type BoardCycle = 1 | 2 | 3;

export const BOARD_MEETING_DAYS: Readonly<Record<BoardCycle, DayOffset>> = { 1: -84, 2: -42, 3: -7 };

export interface DemoMilestone {
  title: string;
  dueDay: DayOffset;
}

export interface DemoAction {
  ref: string;
  areaNumber: number;
  priorities: number[];
  title: string;
  description: string;
  intendedImpact: string;
  leadOrganisation: string;
  owner: DemoOwnerKey;
  dueDay: DayOffset;
  milestones: DemoMilestone[];
  /** Added by the programme office the day after this board meeting, not when the plan was loaded. */
  addedAfterBoard?: BoardCycle;
}

export interface DemoEvidence {
  /** Unique within its action; the evidence id is derived from it. */
  key: string;
  kind: EvidenceKind;
  title: string;
  link?: string;
  /** `{board}` becomes the paper series of the meeting it goes to, e.g. `SIB-2026-09`. */
  documentReference?: string;
}

/**
 * One action's part in one board cycle: first the owner's update round (milestones, evidence,
 * RAG), then what the board decided at the meeting (evidence reviews, completion).
 */
export interface CycleUpdate {
  /** Indexes into the action's milestones. */
  milestonesDone?: number[];
  evidence?: DemoEvidence[];
  progress?: [ReportableRag, string];
  accept?: string[];
  /** Evidence key to the board's reason for rejecting it. */
  reject?: Record<string, string>;
  /** Commentary for marking the action complete (Blue) once its evidence is accepted. */
  complete?: string;
  /**
   * The owner restates this cycle's update two days after the board: corrected RAG, commentary
   * and the reason. The board saw the original; "as now known" shows this.
   */
  correction?: [ReportableRag, string, string];
  /** The owner's delivery confidence with this update: how sure they are the impact will come, and why. */
  confidence?: [DeliveryConfidence, string];
  /** The board's own confidence rating, given at the meeting (by the chair). */
  boardConfidence?: [DeliveryConfidence, string];
}

export type ActionStory = Partial<Record<BoardCycle, CycleUpdate>>;

/** A decision the programme office records the day after a board meeting. */
export type PlanChange = { afterBoard: BoardCycle; ref: string } & (
  | { kind: 'reassign'; owner: DemoOwnerKey; reason: string }
  | { kind: 'reschedule'; dueDay: DayOffset; reason: string }
  | { kind: 'milestone'; milestone: DemoMilestone }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'supersede'; by: string; reason: string }
);

export const docEvidence = (key: string, kind: EvidenceKind, title: string, documentReference: string): DemoEvidence => ({
  key,
  kind,
  title,
  documentReference,
});

export const linkEvidence = (key: string, kind: EvidenceKind, title: string, link: string): DemoEvidence => ({ key, kind, title, link });
