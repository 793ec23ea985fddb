import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

// The dependency network's inputs, side by side.

@InputType({ isAbstract: true })
abstract class DependencyInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => ID, { description: 'The action that waits.' }) @IsUUID() readonly actionId: string;
  @Field(() => ID, { description: 'The action it waits for.' }) @IsUUID() readonly dependsOnActionId: string;
  @Field(() => Int, { nullable: true, description: "The network's revision when you loaded it (DependencyNetwork.revision); a stale one gives CONFLICT. Leave it out for a plan's first dependency." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  readonly expectedRevision?: number;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class DeclareDependencyInput extends DependencyInput {
  @Field({ description: 'Why it waits, e.g. "the admissions redesign is the foundation for commissioning places".' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly note: string;
}

@InputType()
export class RemoveDependencyInput extends DependencyInput {
  @Field({ description: 'Why it no longer waits.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}
