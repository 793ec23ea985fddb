import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ActionsModule } from './actions/actions.module';
import { AuthModule } from './auth/auth.module';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { DemoPlanModule } from './demo/demo-plan.module';
import { queryCostPlugin } from './hardening/query-cost.plugin';
import { rootFieldLimitPlugin } from './hardening/root-field-limit.plugin';
import { EXPENSIVE_READS } from './hardening/expensive-read.guard';
import { queryDepthRule } from './hardening/query-depth.rule';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { WriteSideModule } from './commands/write-side.module';
import { OwnersModule } from './owners/owners.module';
import { PlansModule } from './plans/plans.module';
import { UsersModule } from './users/users.module';
import { ClockModule } from './clock/clock.module';
import { MeetingsModule } from './meetings/meetings.module';
import { UpdateRoundsModule } from './update-rounds/update-rounds.module';
import { MovementModule } from './movement/movement.module';
import { ReportsModule } from './reports/reports.module';
import { textInputPlugin } from './hardening/text-input.plugin';
import { formatClientError } from './errors/format-client-error';
import { ScorecardModule } from './scorecard/scorecard.module';
import { RisksModule } from './risks/risks.module';
import { FinanceModule } from './finance/finance.module';
import { ConditionsModule } from './conditions/conditions.module';
import { QuarterlyReturnsModule } from './quarterly-returns/quarterly-returns.module';
import { DependenciesModule } from './dependencies/dependencies.module';
import { ChallengesModule } from './challenges/challenges.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { PlanImportModule } from './plan-import/plan-import.module';
import { EvidenceFilesModule } from './evidence-files/evidence-files.module';
import { HistoryModule } from './history/history.module';
import { RemindersModule } from './reminders/reminders.module';
import { HistoryHeadsModule } from './history-heads/history-heads.module';
import { ObservabilityModule } from './observability/observability.module';
import { operationOutcomePlugin } from './observability/operation-outcome.plugin';
import { historyIntegrityPlugin } from './history/history-integrity.plugin';
import { ChainIntegrity } from '@send/event-store';
import { SignInLinksModule } from './sign-in-links/sign-in-links.module';

/**
 * Tokens one query may have. The largest query the dashboard or the tests send has 336; the
 * parser's stack runs out at about 4,500 tokens of nested literals.
 */
export const MAX_QUERY_TOKENS = 2_000;

@Module({})
export class AppModule {
  static register(config: AppConfig, clock: Clock = new Clock(), integrity = new ChainIntegrity()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.register(config, clock, integrity),
        WriteSideModule,
        ObservabilityModule,
        AuthModule,
        // Only ExpensiveReadGuard consults it: history reads per person (see hardening/expensive-read.guard.ts).
        ThrottlerModule.forRoot({ throttlers: [{ name: EXPENSIVE_READS, limit: config.limits.expensiveReads.perUser, ttl: config.limits.expensiveReads.windowMs }] }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.schemaFile ?? true,
          sortSchema: true,
          // GraphiQL is served by our own middleware (offline); Apollo's landing page would load a CDN.
          graphiql: false,
          // In production the schema is not advertised, not even through "Did you mean …" suggestions.
          introspection: !config.production,
          formatError: formatClientError(config.production),
          // Nest runs exception filters on root fields only unless told: a refusal inside a field of a
          // type (a plan's actions with a cursor it never issued) left as INTERNAL_SERVER_ERROR.
          fieldResolverEnhancers: ['filters'],
          // Stack traces name server paths; only a developer who asks (GRAPHQL_STACK_TRACES=true) gets them.
          includeStacktraceInErrorResponses: config.graphqlStackTraces ?? false,
          csrfPrevention: true,
          // Let an error's extensions.http.status stand, so a refused sign-in is a real 401.
          preserveHttpStatusForExecutionErrors: false,
          context: ({ req }: { req: unknown }) => ({ req }),
          // The parser recurses per nesting level: thousands of levels of literals overflowed the
          // stack before the depth rule could see them.
          parseOptions: { maxTokens: MAX_QUERY_TOKENS },
          // Refused before execution, so a hostile query costs a parse and a walk, nothing more.
          validationRules: [queryDepthRule(config.limits.maxQueryDepth)],
          // No answer is cacheable by an HTTP cache (every one depends on the bearer), and Apollo's
          // cache-control plugin would otherwise wrap every field resolver of every request.
          // Nest's driver, an ES module, runs Apollo's ES build; this CommonJS app requires its
          // CommonJS build. The plugins are plain objects either way, but TypeScript tells the two
          // builds' types apart (HeaderMap's private brand), so the list is typed as the driver's.
          plugins: [
            operationOutcomePlugin(),
            historyIntegrityPlugin(integrity),
            ApolloServerPluginCacheControlDisabled(),
            textInputPlugin(),
            rootFieldLimitPlugin(config.limits),
            queryCostPlugin(config.limits.maxQueryCost),
          ] as ApolloDriverConfig['plugins'],
        }),
        ActionsModule,
        OwnersModule,
        PlansModule,
        UsersModule,
        ClockModule,
        MeetingsModule,
        UpdateRoundsModule,
        MovementModule,
        ReportsModule,
        ScorecardModule,
        RisksModule,
        FinanceModule,
        ConditionsModule,
        QuarterlyReturnsModule,
        ChallengesModule,
        DependenciesModule,
        EvidenceFilesModule,
        HistoryModule,
        RemindersModule,
        HistoryHeadsModule,
        DemoPlanModule,
        DashboardModule,
        PlanImportModule,
        // With an identity provider, it signs people in: no links are sent and the routes do not exist.
        ...(config.auth.mode === 'local' ? [SignInLinksModule] : []),
      ],
    };
  }
}
