import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TimelinePage } from '@send/read-models';
import { PageInfoModel } from './action-connection.model';
import { TimelineEntryModel, toTimelineEntryModels } from './timeline-entry.model';

@ObjectType('TimelineEdge')
export class TimelineEdgeModel {
  @Field() cursor: string;
  @Field(() => TimelineEntryModel) node: TimelineEntryModel;
}

@ObjectType('TimelineConnection', { description: "A page of an action's timeline, newest first." })
export class TimelineConnectionModel {
  @Field(() => [TimelineEdgeModel]) edges: TimelineEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int, { description: 'Entries in the whole timeline, across all pages.' }) totalCount: number;
}

export function toTimelineConnection(page: TimelinePage): TimelineConnectionModel {
  const nodes = toTimelineEntryModels(page.lines, page.supersededBy);
  return {
    edges: nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
