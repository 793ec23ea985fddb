import { DataSource } from 'typeorm';
import { actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { eventually } from './support/projector-instances';
import { startTestApp, TEST_AREA, TESTER, TestApp } from './support/test-app';

type LogLine = Record<string, any>;

const ADD_ACTION = `mutation AddAction($input: AddActionInput!) { addAction(input: $input) { id revision } }`;
const PLAN = `query PlanTitle($id: ID!) { plan(id: $id) { id title } }`;
const PLAN_AS_AT = `query PlanAsAt($id: ID!) { plan(id: $id, asAt: "2026-06-15") { id } }`;
/** Words in the variables that must never reach a log line. */
const SECRET_TITLE = 'Zebra-crossing plan for Quentin Blake';

/** The app's real logger, writing into an array instead of standard output. */
function capturedLog() {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    destination: { write: (line: string) => (raw.push(line), lines.push(JSON.parse(line))) },
    /** Log lines are written when the answer has gone, so a moment after the client has it. */
    async requestLine(requestId: string): Promise<LogLine> {
      return eventually(`the request line for ${requestId}`, async () => lines.find((l) => l.event === 'request' && l.requestId === requestId), 5000);
    },
    events: (requestId: string, event: string) => lines.filter((l) => l.event === event && l.requestId === requestId),
  };
}

async function post(app: TestApp, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: { extensions?: Record<string, any> }[] };
  return { status: response.status, requestId: response.headers.get('x-request-id')!, body };
}

const origin = (app: TestApp) => app.url.replace(/\/graphql$/, '');

describe('Monitoring: health probes, request and security logs, metrics', () => {
  const log = capturedLog();
  let app: TestApp;
  const tokens: string[] = [];
  const as = async (userId: string) => {
    const token = await app.token(userId);
    tokens.push(token);
    return { authorization: `Bearer ${token}` };
  };

  beforeAll(async () => {
    app = await startTestApp({
      logging: { level: 'info', format: 'json', destination: log.destination },
      // Deep enough for every query here but the one that is refused for its depth.
      limits: { maxQueryDepth: 6, expensiveReads: { perUser: 2, windowMs: 60_000 } },
    });
    await app.gql(CREATE_PLAN, { input: { ...planInput('monitoring'), title: SECRET_TITLE } });
    await app.addUser({ userId: 'dfe-adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'elsewhere-chair', roles: ['BOARD_CHAIR'], areas: ['another-area'] });
    // The tester's history reads run out in the TOO_MANY_REQUESTS test.
    await app.addUser({ userId: 'auditor', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA] });
  });

  afterAll(() => app?.close());

  describe('health', () => {
    it('answers live without a token', async () => {
      const response = await fetch(`${origin(app)}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });

    it('answers ready without a token, naming each check and no person', async () => {
      const response = await fetch(`${origin(app)}/health/ready`);
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(JSON.parse(text)).toMatchObject({
        status: 'ok',
        details: {
          eventStore: { status: 'up' },
          readDatabase: { status: 'up' },
          projections: { status: 'up', eventsBehind: 0, lagSeconds: 0, maxLagSeconds: 30 },
        },
      });
      expect(text).not.toMatch(/tester|Alex|dfe-adviser|send-e2e/);
    });
  });

  describe('request log', () => {
    it('writes one line per request with its id, user, operation, outcome and duration', async () => {
      const answer = await post(app, ADD_ACTION, { input: actionInput('monitoring', '1.1') }, await as(TESTER));
      expect(answer.body.errors).toBeUndefined();
      const line = await log.requestLine(answer.requestId);
      expect(line).toMatchObject({
        level: 'info',
        event: 'request',
        userId: TESTER,
        operationName: 'AddAction',
        operationType: 'mutation',
        outcome: 'ok',
        method: 'POST',
        path: '/graphql',
        status: 200,
      });
      expect(typeof line.durationMs).toBe('number');
      expect(typeof line.time).toBe('string');
      expect(log.lines.filter((l) => l.requestId === answer.requestId && l.event === 'request')).toHaveLength(1);
    });

    it('leaves Nest’s start-up chatter to the debug level', () => {
      const startup = log.lines.filter((l) => l.time && l.context);
      expect(startup.some((l) => /InstanceLoader|RoutesResolver|RouterExplorer/.test(l.context))).toBe(false);
      expect(log.lines.some((l) => /dependencies initialized|Mapped \{/.test(l.msg))).toBe(false);
    });

    it('keeps a well-formed X-Request-Id from the caller and returns it; replaces one that is not', async () => {
      const kept = await post(app, PLAN, { id: 'monitoring' }, { ...(await as(TESTER)), 'X-Request-Id': 'lb-7f3a:42' });
      expect(kept.requestId).toBe('lb-7f3a:42');
      expect(await log.requestLine('lb-7f3a:42')).toMatchObject({ operationName: 'PlanTitle', operationType: 'query', outcome: 'ok' });

      const replaced = await post(app, PLAN, { id: 'monitoring' }, { ...(await as(TESTER)), 'X-Request-Id': 'x'.repeat(129) });
      expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
      await log.requestLine(replaced.requestId);
    });

    it('gives the error code as the outcome when a request fails', async () => {
      const answer = await post(app, ADD_ACTION, { input: actionInput('monitoring', '1.1') }, await as(TESTER));
      expect(answer.body.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await log.requestLine(answer.requestId)).toMatchObject({ outcome: 'CONFLICT', userId: TESTER });
      // A conflict is not a refusal of access.
      expect(log.events(answer.requestId, 'security.refusal')).toEqual([]);
    });
  });

  describe('security events', () => {
    const refusalFor = async (requestId: string) => {
      await log.requestLine(requestId);
      const events = log.events(requestId, 'security.refusal');
      expect(events).toHaveLength(1);
      return events[0];
    };

    it('records a DfE adviser trying to write (FORBIDDEN)', async () => {
      const answer = await post(app, ADD_ACTION, { input: actionInput('monitoring', '1.2') }, await as('dfe-adviser'));
      expect(answer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await refusalFor(answer.requestId)).toMatchObject({
        level: 'warn',
        code: 'FORBIDDEN',
        userId: 'dfe-adviser',
        operationName: 'AddAction',
        operationType: 'mutation',
        field: 'addAction',
      });
      expect(await log.requestLine(answer.requestId)).toMatchObject({ outcome: 'FORBIDDEN', userId: 'dfe-adviser' });
    });

    it('records someone asking for a plan of another area (NOT_FOUND)', async () => {
      const answer = await post(app, PLAN, { id: 'monitoring' }, await as('elsewhere-chair'));
      expect(answer.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await refusalFor(answer.requestId)).toMatchObject({ code: 'NOT_FOUND', userId: 'elsewhere-chair', operationName: 'PlanTitle', field: 'plan' });
    });

    it('records a request without a token (UNAUTHENTICATED), with no user', async () => {
      const answer = await post(app, PLAN, { id: 'monitoring' });
      expect(answer.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const event = await refusalFor(answer.requestId);
      expect(event).toMatchObject({ code: 'UNAUTHENTICATED', operationName: 'PlanTitle' });
      expect(event.userId).toBeUndefined();
    });

    it('records a history read past the allowance (TOO_MANY_REQUESTS)', async () => {
      const headers = await as(TESTER);
      for (let i = 0; i < 2; i++) expect((await post(app, PLAN_AS_AT, { id: 'monitoring' }, headers)).body.errors).toBeUndefined();
      const answer = await post(app, PLAN_AS_AT, { id: 'monitoring' }, headers);
      expect(answer.body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(await refusalFor(answer.requestId)).toMatchObject({ code: 'TOO_MANY_REQUESTS', userId: TESTER, operationName: 'PlanAsAt' });
    });

    it('records a download without a token (UNAUTHENTICATED on a plain HTTP route)', async () => {
      const response = await fetch(`${origin(app)}/reports/quarterly.csv?planId=monitoring`);
      expect(response.status).toBe(401);
      const requestId = response.headers.get('x-request-id')!;
      expect(await refusalFor(requestId)).toMatchObject({ code: 'UNAUTHENTICATED', method: 'GET', path: '/reports/quarterly.csv' });
      expect(await log.requestLine(requestId)).toMatchObject({ status: 401, outcome: 'UNAUTHENTICATED' });
    });

    it('records a query refused as too costly before it ran (QUERY_TOO_COSTLY)', async () => {
      const costly = `query ThreeChecks { a: verifyHistory(planId: "monitoring") { ok } b: verifyHistory(planId: "monitoring") { ok } c: verifyHistory(planId: "monitoring") { ok } }`;
      const answer = await post(app, costly, {}, await as(TESTER));
      expect(answer.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect(await refusalFor(answer.requestId)).toMatchObject({ code: 'QUERY_TOO_COSTLY', userId: TESTER, operationName: 'ThreeChecks', operationType: 'query' });
    });

    it('records a query refused as too deep before it ran (QUERY_TOO_DEEP)', async () => {
      const deep = `query Deep { plans { actions(first: 1) { edges { node { timeline { changes { field } } } } } } }`;
      const answer = await post(app, deep, {}, await as(TESTER));
      expect(answer.body.errors?.[0].extensions?.reason).toBe('QUERY_TOO_DEEP');
      expect(await refusalFor(answer.requestId)).toMatchObject({ code: 'QUERY_TOO_DEEP', userId: TESTER, operationName: 'Deep', operationType: 'query' });
    });

    it('names no user for a refusal before sign-in was checked when the token is not valid', async () => {
      const answer = await post(app, `query Deep { plans { actions(first: 1) { edges { node { timeline { changes { field } } } } } } }`, {}, { authorization: 'Bearer not-a-token' });
      expect((await refusalFor(answer.requestId)).userId).toBeUndefined();
    });

    it('records a request with more root fields than allowed (TOO_MANY_ROOT_FIELDS)', async () => {
      const wide = `query Wide { ${Array.from({ length: 21 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
      const answer = await post(app, wide, {}, await as(TESTER));
      expect(answer.body.errors?.[0].extensions?.code).toBe('TOO_MANY_ROOT_FIELDS');
      expect(await refusalFor(answer.requestId)).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', userId: TESTER, operationName: 'Wide' });
    });

    it('never writes a token, a variable or a name from the plan into the log', async () => {
      expect(tokens.length).toBeGreaterThan(3);
      const all = log.raw.join('');
      for (const token of tokens) expect(all).not.toContain(token);
      for (const secret of [SECRET_TITLE, 'Zebra', 'High Needs Block', 'Alex Morgan', 'Bearer']) expect(all).not.toContain(secret);
    });
  });

  describe('metrics', () => {
    it('exposes request latency by operation and outcome, append latency, projection lag and process metrics', async () => {
      await post(app, PLAN, { id: 'monitoring' }, await as(TESTER));
      const response = await fetch(`${origin(app)}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(/^send_request_duration_seconds_count\{operation="AddAction",type="mutation",outcome="ok"\} [1-9]/m);
      expect(text).toMatch(/^send_request_duration_seconds_count\{operation="AddAction",type="mutation",outcome="FORBIDDEN"\} 1$/m);
      expect(text).toMatch(/^send_request_duration_seconds_bucket\{le="0.1",operation="PlanTitle",type="query",outcome="ok"\} /m);
      expect(text).toMatch(/^send_event_append_duration_seconds_count\{outcome="ok"\} [1-9]/m);
      expect(text).toMatch(/^send_projection_lag_events 0$/m);
      expect(text).toMatch(/^send_projection_lag_seconds 0$/m);
      expect(text).toMatch(/^process_cpu_user_seconds_total /m);
      expect(text).not.toMatch(/tester|dfe-adviser|Zebra/);
    });

    it('shows the result of the last hash-chain verification', async () => {
      const answer = await post(app, `query Verify { verifyHistory(planId: "monitoring") { ok head { position } } }`, {}, await as('auditor'));
      expect(answer.body.data.verifyHistory.ok).toBe(true);
      const text = await (await fetch(`${origin(app)}/metrics`)).text();
      expect(text).toMatch(/^send_history_verification_ok 1$/m);
      expect(text).toContain(`\nsend_history_verified_position ${answer.body.data.verifyHistory.head.position}\n`);
      expect(text).toMatch(/^send_history_verified_timestamp_seconds \d+/m);
    });

    it('counts the appends a mutation makes', async () => {
      const count = async () => Number(/^send_event_append_duration_seconds_count\{outcome="ok"\} (\d+)$/m.exec(await (await fetch(`${origin(app)}/metrics`)).text())![1]);
      const before = await count();
      expect((await post(app, ADD_ACTION, { input: actionInput('monitoring', '2.1') }, await as(TESTER))).body.errors).toBeUndefined();
      expect(await count()).toBe(before + 1);
    });
  });

  it('counts an append refused for a stale revision as a conflict', async () => {
    const REPORT = `mutation Report($input: ReportProgressInput!) { reportProgress(input: $input) { revision } }`;
    const added = await post(app, ADD_ACTION, { input: actionInput('monitoring', '3.1') }, await as(TESTER));
    const input = { actionId: added.body.data.addAction.id, expectedRevision: added.body.data.addAction.revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-06-14' };
    expect((await post(app, REPORT, { input }, await as(TESTER))).body.errors).toBeUndefined();
    expect((await post(app, REPORT, { input: { ...input, rag: 'RED' } }, await as(TESTER))).body.errors?.[0].extensions?.code).toBe('CONFLICT');
    const text = await (await fetch(`${origin(app)}/metrics`)).text();
    expect(text).toMatch(/^send_event_append_duration_seconds_count\{outcome="conflict"\} 1$/m);
    expect(text).toMatch(/^send_request_duration_seconds_count\{operation="Report",type="mutation",outcome="CONFLICT"\} 1$/m);
  });

  // Last: the read database and the event store stay closed.
  it('is not ready once the read database is closed, and says which check failed', async () => {
    await app.app.get(DataSource).destroy();
    const response = await fetch(`${origin(app)}/health/ready`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'error', error: { readDatabase: { status: 'down', message: 'The read database does not answer.' } }, info: { eventStore: { status: 'up' } } });
    expect(JSON.stringify(body)).not.toMatch(/send-e2e|sqlite/i);
    expect((await fetch(`${origin(app)}/health/live`)).status).toBe(200);

    await app.store().close();
    const bothDown = await (await fetch(`${origin(app)}/health/ready`)).json();
    expect(bothDown.error).toMatchObject({ eventStore: { status: 'down', message: 'The event store does not answer.' }, readDatabase: { status: 'down' } });
  });
});

describe('Metrics behind a secret', () => {
  const SECRET = 'metrics-secret-0123456789abcdef';

  it('in production are not served without METRICS_TOKEN', async () => {
    const app = await startTestApp({ production: true });
    try {
      const response = await fetch(`${origin(app)}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('send_request_duration_seconds');
    } finally {
      await app.close();
    }
  });

  it('in production with METRICS_TOKEN, refuse a scraper without it or with another, and serve one with it', async () => {
    const app = await startTestApp({ production: true, monitoring: { metricsToken: SECRET, maxProjectionLagSeconds: 30 } });
    try {
      const scrape = (authorization?: string) => fetch(`${origin(app)}/metrics`, { headers: authorization ? { authorization } : {} });
      const without = await scrape();
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await without.text()).not.toContain('send_request_duration_seconds');
      expect((await scrape(`Bearer ${SECRET}x`)).status).toBe(401);
      expect((await scrape(`Bearer ${await app.token(TESTER)}`)).status).toBe(401);
      const granted = await scrape(`Bearer ${SECRET}`);
      expect(granted.status).toBe(200);
      expect(await granted.text()).toContain('send_request_duration_seconds');
      // A person's token is for the plan; health needs neither.
      expect((await fetch(`${origin(app)}/health/ready`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
