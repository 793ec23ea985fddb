import { ActionOwner, riskBand, RiskOwnerReassigned, riskStream } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { MitigationEntity, RiskRegisterView, RiskScoreEntity, streamPrefixAt } from '@send/read-models';
import { MitigationModel, RiskOwnerChangeModel, RiskRatingModel, RiskScoreModel } from './models/risk.model';

/**
 * Where a risk's scores and mitigations are read from: the read database for the register as it
 * stands, or the register folded from its events for an earlier instant. A risk carries the one
 * its request picked, so its fields never mix now and then.
 */
export interface RiskReader {
  /** The instant the register is shown as at; undefined when live. */
  readonly asAt?: string;
  scores(riskId: string): Promise<RiskScoreModel[]>;
  mitigations(riskId: string): Promise<MitigationModel[]>;
  ownerChanges(riskId: string): Promise<RiskOwnerChangeModel[]>;
}

export const ratingModel = (likelihood: number, impact: number): RiskRatingModel => ({ likelihood, impact, score: likelihood * impact, band: riskBand(likelihood * impact) });

export const ownerModel = (row: { ownerId: string; ownerName: string; ownerRole: string; ownerOrganisation: string }) => ({
  id: row.ownerId,
  name: row.ownerName,
  role: row.ownerRole,
  organisation: row.ownerOrganisation,
});

const recordedOwner = (owner: ActionOwner) => ({ id: owner.ownerId, name: owner.name, role: owner.role, organisation: owner.organisation });

/**
 * Each time the risk passed to another owner, oldest first, read from its own stream (up to
 * `asAt` when given): a handful of events, so no read model keeps them.
 */
export async function ownerChangesOf(store: UpcastingEventStore, riskId: string, asAt?: string): Promise<RiskOwnerChangeModel[]> {
  const events = await store.readStream(riskStream(riskId));
  return (asAt === undefined ? events : streamPrefixAt(events, asAt))
    .filter((e) => e.type === 'RiskOwnerReassigned')
    .map((e) => {
      const d = e.data as RiskOwnerReassigned['data'];
      return { from: recordedOwner(d.previousOwner), to: recordedOwner(d.owner), reason: d.reason, recordedAt: e.metadata.occurredAt, revision: Number(e.revision) };
    });
}

export const scoreModels = (rows: RiskScoreEntity[]): RiskScoreModel[] =>
  [...rows].sort((a, b) => a.revision - b.revision).map((r) => ({ rating: ratingModel(r.likelihood, r.impact), asAt: r.asAt, commentary: r.commentary, recordedAt: r.occurredAt, revision: r.revision }));

export const mitigationModels = (rows: MitigationEntity[]): MitigationModel[] =>
  [...rows]
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.mitigationId < b.mitigationId ? -1 : 1))
    .map((m) => ({ id: m.mitigationId, description: m.description, owner: ownerModel(m), dueDate: m.dueDate, status: m.status, lastCommentary: m.lastCommentary }));

/** The register as it stood at an instant: every answer comes from the folded rows. */
export class HistoricRiskReader implements RiskReader {
  constructor(
    private readonly view: RiskRegisterView,
    readonly asAt: string,
    private readonly store: UpcastingEventStore,
  ) {}

  ownerChanges(riskId: string): Promise<RiskOwnerChangeModel[]> {
    return ownerChangesOf(this.store, riskId, this.asAt);
  }

  async scores(riskId: string): Promise<RiskScoreModel[]> {
    return scoreModels(this.view.scores.filter((s) => s.riskId === riskId));
  }

  async mitigations(riskId: string): Promise<MitigationModel[]> {
    return mitigationModels(this.view.mitigations.filter((m) => m.riskId === riskId));
  }
}
