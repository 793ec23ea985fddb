import { refusal, send } from './http-route';

/** Uploads a file and attaches it as evidence in one request (multipart, with the bearer token). */
export async function uploadEvidence(token: string, actionId: string, fields: Record<string, string>, file: File): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  const response = await send(`/actions/${encodeURIComponent(actionId)}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!response.ok) throw await refusal(response);
}

/**
 * A download needs the bearer token, which a plain link cannot send: fetch it, then hand the
 * browser the bytes to save under the name it was uploaded with.
 */
export async function downloadEvidenceFile(token: string, downloadUrl: string, fileName: string): Promise<void> {
  const response = await send(downloadUrl, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw await refusal(response);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled, so the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
