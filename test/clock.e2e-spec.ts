import { startTestApp, TestApp } from './support/test-app';

/** The tracker's clock, which the dashboard takes "today" from instead of the device's. */
describe('now: the tracker clock over GraphQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-15T23:30:00.000Z' });
  });
  afterAll(() => app.close());

  it("answers the API's own clock, so a client's today is the day the API judges dates against", async () => {
    expect((await app.gql('{ now }')).data).toEqual({ now: '2026-06-15T23:30:00.000Z' });
    app.clock.set('2026-06-16T08:00:00.000Z');
    expect((await app.gql('{ now }')).data).toEqual({ now: '2026-06-16T08:00:00.000Z' });
  });

  it('is for signed-in people only', async () => {
    const anonymous = await app.gqlWithAuthorization(undefined, '{ now }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
