import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EvidenceKind, EvidenceStatus } from '../../common/graphql-enums';

@ObjectType('Evidence')
export class EvidenceModel {
  @Field(() => ID) id: string;
  @Field(() => ID) actionId: string;
  @Field(() => EvidenceKind) kind: EvidenceKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field(() => String, { nullable: true }) documentReference: string | null;
  @Field() submittedBy: string;
  @Field() submittedAt: string;
  @Field(() => EvidenceStatus) status: EvidenceStatus;
  @Field(() => String, { nullable: true }) reviewedAt: string | null;
  @Field(() => String, { nullable: true }) reviewedBy: string | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
}
