import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { MitigationEntity } from './mitigation.entity';
import { isRiskEvent, riskChanges } from './risk-changes';
import { RiskScoreEntity } from './risk-score.entity';
import { RiskEntity } from './risk.entity';

export class RiskProjection implements Projection {
  readonly name = 'risks';

  /** Every risk event but the first reads the risk's row (its plan, its score before). */
  rowsRead(event: ProjectedEvent): RowRead[] {
    return isRiskEvent(event) && event.type !== 'RiskRaised' ? [{ entity: RiskEntity, key: { riskId: event.data.riskId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isRiskEvent(event)) return;
    const risk = event.type === 'RiskRaised' ? undefined : await rows.get(RiskEntity, { riskId: event.data.riskId });
    for (const change of riskChanges(risk, event)) {
      switch (change.kind) {
        case 'riskRaised':
          rows.insert(RiskEntity, change.row);
          break;
        case 'riskChanged':
          rows.update(RiskEntity, { riskId: change.riskId }, change.changes);
          break;
        case 'scoreAdded':
          rows.insert(RiskScoreEntity, change.row);
          break;
        case 'mitigationAdded':
          rows.insert(MitigationEntity, change.row);
          break;
        case 'mitigationChanged':
          rows.update(MitigationEntity, { riskId: change.riskId, mitigationId: change.mitigationId }, change.changes);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
