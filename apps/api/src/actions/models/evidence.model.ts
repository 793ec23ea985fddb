import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EvidenceView } from '@send/read-models';
import { EvidenceKind, EvidenceStatus } from '../../common/graphql-enums';
import { EvidenceFileModel, evidenceFileUrl } from './evidence-file.model';

@ObjectType('Evidence')
export class EvidenceModel {
  @Field(() => ID) id: string;
  @Field(() => ID) actionId: string;
  @Field(() => EvidenceKind) kind: EvidenceKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field(() => String, { nullable: true }) documentReference: string | null;
  @Field() submittedBy: string;
  @Field(() => EvidenceFileModel, { nullable: true, description: 'The uploaded file, when the evidence is one.' })
  file: EvidenceFileModel | null;
  @Field() submittedAt: string;
  @Field(() => EvidenceStatus) status: EvidenceStatus;
  @Field(() => String, { nullable: true }) reviewedAt: string | null;
  @Field(() => String, { nullable: true }) reviewedBy: string | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
}

/** The read model's row and the as-at view carry the same fields. */
export function toEvidenceModel(e: EvidenceView): EvidenceModel {
  return {
    id: e.evidenceId,
    actionId: e.actionId,
    kind: e.kind,
    title: e.title,
    link: e.link,
    documentReference: e.documentReference,
    submittedBy: e.submittedBy,
    file: e.file ? { ...e.file, downloadUrl: evidenceFileUrl(e.actionId, e.evidenceId) } : null,
    submittedAt: e.submittedAt,
    status: e.status,
    reviewedAt: e.reviewedAt,
    reviewedBy: e.reviewedBy,
    rejectionReason: e.rejectionReason,
  };
}
