import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ActionModel } from './action.model';

@ObjectType('ActionEdge')
export class ActionEdgeModel {
  @Field() cursor: string;
  @Field(() => ActionModel) node: ActionModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('ActionConnection')
export class ActionConnectionModel {
  @Field(() => [ActionEdgeModel]) edges: ActionEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int, { description: 'Actions matching the filter, across all pages.' }) totalCount: number;
}
