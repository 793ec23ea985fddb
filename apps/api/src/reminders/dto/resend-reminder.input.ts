import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'Send a reminder that was sent or given up once more, saying why.' })
export class ResendReminderInput {
  @Field(() => ID) @IsUUID() readonly reminderId: string;
  @Field(() => Int, { description: "The reminder's revision when you loaded it; a stale revision gives CONFLICT." }) @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedRevision: number;
  @Field({ description: 'Why it goes again, e.g. "Helen lost the mail" or "address corrected"; required.' }) @IsString() @MaxLength(2000) readonly reason: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}
