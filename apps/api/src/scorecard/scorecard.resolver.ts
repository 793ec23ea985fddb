import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { MetricCommand, Principal } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { asOfDateOf, blamingAsOfDate } from '../common/as-of-date.fields';
import { MetricCommands } from './metric-commands.service';
import { listComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { CorrectMeasurementInput, DefineMetricInput, ImportMeasurementsInput, RecordComparatorInput, RecordMeasurementInput, ReviseMetricInput, SetMetricTargetInput } from './dto/metric.input';
import { ScorecardArgs } from './dto/scorecard.args';
import { ComparatorValueModel, MeasurementModel, MetricDefinitionVersionModel, MetricModel, MetricTargetModel } from './models/metric.model';
import { metricIdFor } from './metric-id';
import { PlanReaders } from '../reading/plan-readers.service';
import { MeasurementImportService } from './measurement-import.service';
import { ImportResultModel } from './models/import-result.model';
import { ScorecardReadService } from '../reading/scorecard-read.service';


@Resolver(() => MetricModel)
export class ScorecardResolver {
  constructor(
    private readonly commands: MetricCommands,
    private readonly projections: ProjectionService,
    private readonly reader: ScorecardReadService,
    private readonly readers: PlanReaders,
    private readonly imports: MeasurementImportService,
  ) {}

  @Query(() => [MetricModel], { description: "The plan's performance scorecard, or one area's part of it; live, or as it stood at an instant or board meeting.", complexity: asAtComplexity(listComplexity(15)) })
  @ExpensiveRead(readsThePast)
  async scorecard(@Args() args: ScorecardArgs, @CurrentPrincipal() principal: Principal): Promise<MetricModel[]> {
    return (await this.readers.forPlan(args.planId, args, principal)).scorecard(args.area);
  }

  @Query(() => MetricModel, { description: 'One metric; NOT_FOUND if there is no such metric.' })
  metric(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    return this.reader.metric(id, principal);
  }

  @ResolveField(() => [MeasurementModel], { description: 'The whole series in period order; with includeSuperseded, the corrected values too.', complexity: listComplexity(24) })
  series(@Parent() metric: MetricModel, @Args('includeSuperseded', { defaultValue: false }) includeSuperseded: boolean): Promise<MeasurementModel[]> {
    return metric.reader.series(metric.id, includeSuperseded);
  }

  @ResolveField(() => [MetricDefinitionVersionModel], { description: 'Every version of the definition, oldest first.', complexity: listComplexity(5) })
  definitions(@Parent() metric: MetricModel): Promise<MetricDefinitionVersionModel[]> {
    return metric.reader.definitions(metric.id);
  }

  @ResolveField(() => [MetricTargetModel], { description: 'The trajectory: a target per period.', complexity: listComplexity(12) })
  targets(@Parent() metric: MetricModel): Promise<MetricTargetModel[]> {
    return metric.reader.targets(metric.id);
  }

  @ResolveField(() => [ComparatorValueModel], { description: 'Every comparator value recorded, in period order.', complexity: listComplexity(12) })
  comparatorSeries(@Parent() metric: MetricModel): Promise<ComparatorValueModel[]> {
    return metric.reader.comparators(metric.id);
  }

  @Mutation(() => MetricModel, { description: 'Add a metric to the plan’s scorecard (programme office).' })
  defineMetric(@Args('input') input: DefineMetricInput, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    const { planId, code, ...definition } = input;
    return this.run({ type: 'DefineMetric', data: { metricId: metricIdFor(planId, code), planId, ...definition } }, principal);
  }

  @Mutation(() => MetricModel, { description: 'Revise a metric’s definition; earlier definitions stay in its history.' })
  reviseMetric(@Args('input') input: ReviseMetricInput, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    return this.run({ type: 'ReviseMetric', data: input }, principal);
  }

  @Mutation(() => MetricModel, { description: 'Set the target for a period (replaces an earlier target for the same period).' })
  setMetricTarget(@Args('input') input: SetMetricTargetInput, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    return this.run({ type: 'SetTarget', data: { ...input, amberTolerance: input.amberTolerance ?? null } }, principal);
  }

  @Mutation(() => MetricModel, { description: 'Record the value for a period; a period already recorded must be corrected instead.' })
  recordMeasurement(@Args('input') input: RecordMeasurementInput, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    const { commandId = randomUUID(), asOfDate: _asOfDate, asAt: _asAt, ...data } = input;
    const measurementId = deterministicUuid('measurement', commandId);
    return blamingAsOfDate(input, () => this.run({ type: 'RecordMeasurement', data: { ...data, asAt: asOfDateOf(input), measurementId } }, principal, commandId));
  }

  @Mutation(() => MetricModel, { description: 'Correct a figure: a new measurement supersedes the old one, which is kept.' })
  correctMeasurement(@Args('input') input: CorrectMeasurementInput, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    const { commandId = randomUUID(), asOfDate: _asOfDate, asAt: _asAt, ...data } = input;
    const measurementId = deterministicUuid('measurement', commandId);
    return blamingAsOfDate(input, () => this.run({ type: 'CorrectMeasurement', data: { ...data, asAt: asOfDateOf(input), measurementId } }, principal, commandId));
  }

  @Mutation(() => MetricModel, { description: 'Record an England, regional or statistical-neighbour value for a period.' })
  recordComparator(@Args('input') input: RecordComparatorInput, @CurrentPrincipal() principal: Principal): Promise<MetricModel> {
    return this.run({ type: 'RecordComparator', data: input }, principal);
  }

  @Mutation(() => ImportResultModel, { description: 'Import measurements from a CSV, all or nothing; with dryRun: true only check it and report bad rows.' })
  importMeasurements(@Args('input') input: ImportMeasurementsInput, @CurrentPrincipal() principal: Principal): Promise<ImportResultModel> {
    return this.imports.import(input.planId, input.csv, input.dryRun, principal, input.commandId);
  }

  private async run(command: MetricCommand, principal: Principal, commandId?: string): Promise<MetricModel> {
    const result = await this.commands.execute(command, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.reader.metric(command.data.metricId, principal);
  }
}
