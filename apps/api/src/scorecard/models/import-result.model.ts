import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportRowError')
export class ImportRowErrorModel {
  @Field(() => Int, { description: 'The line in the file; the header is row 1.' }) row: number;
  @Field({ description: 'The column at fault (metric, period, value, as_at, source, provisional) or header/csv.' }) field: string;
  @Field() message: string;
}

@ObjectType('ImportResult', { description: 'Nothing is imported unless every row is good.' })
export class ImportResultModel {
  @Field() dryRun: boolean;
  @Field(() => Int, { description: 'Data rows read (the header not counted).' }) rows: number;
  @Field(() => Int) imported: number;
  @Field(() => [ImportRowErrorModel]) errors: ImportRowErrorModel[];
}
