import { TestApp } from './test-app';

/** Sends a request that must be refused, and checks it appended no event (a refused command writes nothing). */
export async function withNoNewEvents<T>(app: TestApp, send: () => Promise<T>): Promise<T> {
  const before = await app.allEvents();
  const result = await send();
  expect((await app.allEvents()).map((e) => e.id)).toEqual(before.map((e) => e.id));
  return result;
}
