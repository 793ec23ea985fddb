import { CONDITION_STATUSES } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';

export const ConditionStatusName = graphqlEnum(CONDITION_STATUSES, { name: 'ConditionStatus', description: 'MET, ON_TRACK, NOT_ON_TRACK or NOT_MET, as the DfE return reports each condition.' });
export type ConditionStatusName = (typeof CONDITION_STATUSES)[number];
