import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { EvidenceKind } from '../../common/graphql-enums';

/** The form fields sent with an uploaded file: the same rules as the attachEvidence mutation. */
export class UploadEvidenceFields {
  @IsEnum(EvidenceKind) readonly kind: EvidenceKind;
  @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @IsString() @IsNotEmpty() @MaxLength(200) readonly submittedBy: string;
  @IsOptional() @IsString() @MaxLength(300) readonly documentReference?: string;
  @IsOptional() @IsString() @MaxLength(2000) readonly link?: string;

  /** Multipart fields arrive as text. */
  @Type(() => Number) @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedRevision: number;

  @IsOptional() @IsUUID() readonly commandId?: string;
}

/** Path parameters of a download. */
export class EvidenceFileParams {
  @IsString() @IsNotEmpty() @MaxLength(64) readonly actionId: string;
  @IsString() @IsNotEmpty() @MaxLength(64) readonly evidenceId: string;
}

export class ActionParams {
  @IsString() @IsNotEmpty() @MaxLength(64) readonly actionId: string;
}
