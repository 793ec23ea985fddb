import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'A named person, their role and their organisation.' })
export class OwnerInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly name: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly role: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly organisation: string;
}
