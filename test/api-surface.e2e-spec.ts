import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildTestGraphiql } from './support/graphiql-bundle';
import { startTestApp, TestApp } from './support/test-app';

describe('The API surface', () => {
  let app: TestApp;
  let origin: string;
  let graphiql: Awaited<ReturnType<typeof buildTestGraphiql>>;

  beforeAll(async () => {
    graphiql = await buildTestGraphiql();
    app = await startTestApp({ graphiqlDir: graphiql.dir });
    origin = new URL(app.url).origin;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    graphiql?.remove();
  });

  it('matches the committed SDL in apps/api/schema.gql (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '../apps/api/schema.gql'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .trim();
    const live = printSchema(lexicographicSortSchema(app.app.get(GraphQLSchemaHost).schema)).trim();
    expect(live).toBe(committed);
  });

  it('serves GraphiQL to a browser with every script and style from this server, none from a CDN', async () => {
    const page = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    // Scripts from this origin only, none inline (test/graphiql.e2e-spec.ts runs the page under it).
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';/);
    expect(html).not.toMatch(/<script>/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => !url.startsWith('data:'));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const response = await fetch(`${origin}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('says GraphiQL is not built, and how to build it, when its bundle is missing', async () => {
    const unbuilt = await startTestApp();
    try {
      const page = await fetch(unbuilt.url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/^GraphiQL is not built in .*Run `npm run build`/);
    } finally {
      await unbuilt.close();
    }
  });

  it('keeps answering API clients that POST to the same path', async () => {
    const result = await app.gql('{ plans { id } }');
    expect(result).toMatchObject({ status: 200, data: { plans: [] } });
  });

  it('refuses a GET query without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}?query=${encodeURIComponent('{ plans { id } }')}`);
    expect(response.status).toBe(400);
  });
});
