import { TestApp } from './test-app';

/** Posts a spreadsheet to the plan import route as a person (or signed out), as the dashboard and a script do. */
export async function uploadPlanSheet(app: TestApp, upload: { userId: string | null; planId: string; content: Buffer | string; fileName?: string; query?: string }) {
  const { userId, planId, content, fileName = 'plan.csv', query = '' } = upload;
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
  const headers: Record<string, string> = userId ? { authorization: `Bearer ${await app.token(userId)}` } : {};
  const response = await fetch(app.url.replace('/graphql', `/plans/${planId}/import${query}`), { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as any };
}
