import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RAG_DIRECTIONS } from '@send/read-models';
import { ActionModel } from '../../actions/models/action.model';
import { DeliveryConfidenceLevel } from '../../actions/models/delivery-confidence.model';
import { EvidenceModel } from '../../actions/models/evidence.model';
import { graphqlEnum } from '../../common/graphql-enum';
import { Rag } from '../../common/graphql-enums';
import { OwnerModel } from '../../owners/models/owner.model';
import { RagRollUpModel } from '../../plans/models/rag-roll-up.model';

export const RagDirection = graphqlEnum(RAG_DIRECTIONS, { name: 'RagDirection', description: 'UP towards Blue, DOWN towards Red, FIRST_RATED from not yet rated.' });
export type RagDirection = (typeof RAG_DIRECTIONS)[number];

@ObjectType('RagChange')
export class RagChangeModel {
  @Field(() => ActionModel, { description: 'The action as it stands at the end of the period.' }) action: ActionModel;
  @Field(() => Rag) from: Rag;
  @Field(() => Rag) to: Rag;
  @Field(() => RagDirection) direction: RagDirection;
}

@ObjectType('EvidenceMovement')
export class EvidenceMovementModel {
  @Field(() => ActionModel) action: ActionModel;
  @Field(() => EvidenceModel) evidence: EvidenceModel;
}

@ObjectType('OwnerChange')
export class OwnerChangeModel {
  @Field(() => ActionModel) action: ActionModel;
  @Field(() => OwnerModel) from: OwnerModel;
  @Field(() => OwnerModel) to: OwnerModel;
}

@ObjectType('ConfidenceFall', { description: 'An action rated less confident of its impact at the end of the period than at its start.' })
export class ConfidenceFallModel {
  @Field(() => ActionModel) action: ActionModel;
  @Field(() => DeliveryConfidenceLevel) from: DeliveryConfidenceLevel;
  @Field(() => DeliveryConfidenceLevel) to: DeliveryConfidenceLevel;
}

@ObjectType('MovementCounts')
export class MovementCountsModel {
  @Field(() => Int) ragUp: number;
  @Field(() => Int) ragDown: number;
  @Field(() => Int) firstRated: number;
  @Field(() => Int) becameOverdue: number;
  @Field(() => Int) becameStale: number;
  @Field(() => Int) evidenceAdded: number;
  @Field(() => Int) evidenceAccepted: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) added: number;
  @Field(() => Int, { description: 'Withdrawn or superseded.' }) withdrawn: number;
  @Field(() => Int) ownerChanges: number;
  @Field(() => Int, { description: 'Actions whose delivery confidence fell; a first rating is not a fall.' }) confidenceFell: number;
}

@ObjectType('MovementGroup', { description: 'An area or a priority: its roll-up at both ends and what moved in it.' })
export class MovementGroupModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field(() => RagRollUpModel) from: RagRollUpModel;
  @Field(() => RagRollUpModel) to: RagRollUpModel;
  @Field(() => MovementCountsModel) counts: MovementCountsModel;
}

@ObjectType('Movement', {
  description: 'What moved in a plan between two instants or board meetings, state against state, rebuilt from the event history.',
})
export class MovementModel {
  @Field(() => ID) planId: string;
  @Field() from: string;
  @Field() to: string;
  @Field({ description: 'Both ends show the corrections recorded by this instant; equals to when each end is what was known then.' }) knownAt: string;
  @Field(() => MovementCountsModel) counts: MovementCountsModel;
  @Field(() => RagRollUpModel) fromRollUp: RagRollUpModel;
  @Field(() => RagRollUpModel) toRollUp: RagRollUpModel;
  @Field(() => [MovementGroupModel]) areas: MovementGroupModel[];
  @Field(() => [MovementGroupModel]) priorities: MovementGroupModel[];
  @Field(() => [RagChangeModel]) ragChanges: RagChangeModel[];
  @Field(() => [ActionModel]) becameOverdue: ActionModel[];
  @Field(() => [ActionModel]) becameStale: ActionModel[];
  @Field(() => [EvidenceMovementModel]) evidenceAdded: EvidenceMovementModel[];
  @Field(() => [EvidenceMovementModel]) evidenceAccepted: EvidenceMovementModel[];
  @Field(() => [ActionModel]) completed: ActionModel[];
  @Field(() => [ActionModel]) added: ActionModel[];
  @Field(() => [ActionModel], { description: 'Withdrawn or superseded in the period.' }) withdrawn: ActionModel[];
  @Field(() => [OwnerChangeModel]) ownerChanges: OwnerChangeModel[];
  @Field(() => [ConfidenceFallModel], { description: 'Actions whose delivery confidence fell in the period (high to medium or low, medium to low); a first rating is not a fall.' })
  confidenceFell: ConfidenceFallModel[];
}
