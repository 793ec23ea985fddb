import { ComplexityEstimatorArgs } from '@nestjs/graphql';

/** A page costs its children times the page size asked for. */
export const pageComplexity = ({ args, childComplexity }: ComplexityEstimatorArgs) =>
  Math.max(1, Number(args.first ?? 20)) * childComplexity;

/** A list with no paging, costed at the size it usually has. */
export const listComplexity =
  (typicalSize: number) =>
  ({ childComplexity }: ComplexityEstimatorArgs) =>
    typicalSize * childComplexity;
