import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EvidenceFile', { description: 'An uploaded file kept as evidence, identified by its content.' })
export class EvidenceFileModel {
  @Field({ description: 'SHA-256 of the content, as recorded when it was submitted; downloads are checked against it.' })
  sha256: string;
  @Field(() => Int, { description: 'Size in bytes.' }) size: number;
  @Field({ description: 'What the content is, as checked on upload (never taken from the name or the browser).' })
  contentType: string;
  @Field({ description: 'The file name it was uploaded with.' }) originalName: string;
  @Field({ description: 'Where to download it, with the same bearer token (relative to this server).' })
  downloadUrl: string;
}

export const evidenceFileUrl = (actionId: string, evidenceId: string) =>
  `/actions/${encodeURIComponent(actionId)}/evidence/${encodeURIComponent(evidenceId)}/file`;
