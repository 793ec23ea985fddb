/** What the sign-in link suites share: the routes over HTTP, the people, the mail settings. */
import { DataSource } from 'typeorm';
import { SignInLinkEntity } from '@send/read-models';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { SignInLinkService } from '../../apps/api/src/sign-in-links/sign-in-link.service';
import { startTestApp, TEST_AREA } from './test-app';

export type App = Awaited<ReturnType<typeof startTestApp>>;

export const SAME_ANSWER = { message: 'If that address belongs to someone with access, a link is on its way.' };
export const EXPIRED_OR_USED = 'This sign-in link has expired or has already been used. Ask for a new one.';
export const FROM = 'SEND tracker <sign-in@council.example>';
export const PUBLIC_URL = 'https://tracker.council.example';

export const mailSettings = (transport: NonNullable<AppConfig['reminders']>['transport']): AppConfig['reminders'] => ({
  scheduler: false,
  intervalMs: 60_000,
  leadDays: 2,
  digestWeekday: 1,
  digestTo: [],
  from: FROM,
  publicUrl: PUBLIC_URL,
  transport,
});

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export const base = (app: App) => app.url.replace(/\/graphql$/, '');

export async function post(app: App, path: string, body: unknown, contentType = 'application/json'): Promise<Answer> {
  const response = await fetch(`${base(app)}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export const askForLink = (app: App, email: unknown) => post(app, '/auth/sign-in-link', { email });
export const redeem = (app: App, code: unknown) => post(app, '/auth/sign-in-link/redeem', { code });
/** Resolves once every link asked for has been sent (the answer does not wait for it). */
export const settled = (app: App) => app.app.get(SignInLinkService).whenIdle();
export const storedLinks = (app: App) => app.app.get(DataSource).getRepository(SignInLinkEntity).find();

export async function me(app: App, token: string): Promise<string | undefined> {
  const res = await app.gqlWithAuthorization(`Bearer ${token}`, '{ me { id displayName } }');
  return res.data?.me.id;
}

/** Two people with access and one registered with an address but no role anywhere. */
export const addPeople = async (app: App) => {
  await app.addUser({ userId: 'helen.marsh', displayName: 'Helen Marsh', roles: ['ACTION_OWNER'], areas: [TEST_AREA], email: 'Helen.Marsh@council.example' });
  await app.addUser({ userId: 'tom.okafor', displayName: 'Tom Okafor', roles: ['BOARD_MEMBER'], areas: [TEST_AREA], email: 'tom.okafor@council.example' });
  await app.addUser({ userId: 'no.roles', displayName: 'No Roles', roles: [], areas: [], email: 'no.roles@council.example' });
};
