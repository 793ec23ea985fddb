import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchema, NoDeprecatedCustomRule, parse, validate } from 'graphql';
import { fencedBlocks, graphqlOperations, manualFiles } from './support/doc-examples';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Nothing we ship teaches a deprecated name: the dashboard's operations, GraphiQL's first query and
 * every ```graphql block of the README and docs/ validate against the live schema with graphql-js's
 * NoDeprecatedCustomRule (deprecated fields, arguments, input fields and enum values). Values sent
 * as variables are out of its sight; the dashboard's forms are covered by its browser suites.
 */
const DASHBOARD = join(__dirname, '../apps/dashboard/src');
const OPERATION = /^\s*(#[^\n]*\n\s*)*(query|mutation)\b/;

/** Every operation string a dashboard module exports (required by path: Jest only needs the strings). */
function dashboardOperations(): [string, string][] {
  return readdirSync(DASHBOARD, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ts$/.test(file) && !/\.(spec|d)\.ts$/.test(file))
    .filter((file) => /`\s*(query|mutation)\b/.test(readFileSync(join(DASHBOARD, file), 'utf8')))
    .flatMap((file) =>
      Object.entries(require(join(DASHBOARD, file.replace(/\.ts$/, ''))) as Record<string, unknown>)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && OPERATION.test(entry[1]))
        .map(([name, source]): [string, string] => [`apps/dashboard/src/${file} ${name}`, source]),
    );
}

const docOperations = (): [string, string][] =>
  manualFiles().flatMap((file) =>
    fencedBlocks(file)
      .filter((b) => b.language === 'graphql')
      .flatMap(graphqlOperations)
      .map((op): [string, string] => [op.where, op.source]),
  );

const graphiqlFirstQuery = (): [string, string][] => [
  ['apps/graphiql/src/default-query.ts', (require('../apps/graphiql/src/default-query') as { DEFAULT_QUERY: string }).DEFAULT_QUERY],
];

describe('No deprecated name in what we ship', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await startTestApp();
    schema = app.app.get(GraphQLSchemaHost).schema;
  });

  afterAll(() => app?.close());

  const deprecatedUses = (source: string) => validate(schema, parse(source), [NoDeprecatedCustomRule]).map((e) => e.message);

  it('finds the operations it checks: every dashboard query file, and the README and guide blocks', () => {
    const dashboard = dashboardOperations().map(([where]) => where);
    expect(dashboard.length).toBeGreaterThan(20);
    expect(dashboard).toEqual(expect.arrayContaining([expect.stringContaining('action.query.ts REPORT_PROGRESS'), expect.stringContaining('delivery-confidence.ts RATE_CONFIDENCE')]));
    const docs = docOperations().map(([where]) => where);
    expect(docs).toEqual(expect.arrayContaining([expect.stringMatching(/^README\.md:/), expect.stringMatching(/^docs\/graphql-guide\.md:/)]));
  });

  it.each([...dashboardOperations(), ...graphiqlFirstQuery(), ...docOperations()])('%s uses no deprecated name', (_where, source) => {
    expect(deprecatedUses(source)).toEqual([]);
  });

  it('would catch one: the old asAt on a read, on an update and as a field', () => {
    expect(deprecatedUses(`{ plan(id: "p", asAt: "2026-01-01") { asAt } }`)).toEqual([
      expect.stringContaining('Field "Query.plan" argument "asAt" is deprecated'),
      expect.stringContaining('Plan.asAt is deprecated'),
    ]);
    expect(deprecatedUses(`mutation { reportProgress(input: { actionId: "a", expectedRevision: 1, rag: RED, commentary: "c", asAt: "2026-01-01" }) { id } }`)).toEqual([
      expect.stringContaining('ReportProgressInput.asAt is deprecated'),
    ]);
  });
});
