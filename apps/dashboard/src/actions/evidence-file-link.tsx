import { useState } from 'react';
import { downloadEvidenceFile } from '../api/evidence-file-client';
import { GraphQLRequestError } from '../api/graphql-client';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { EvidenceFile } from './action.query';

const TYPE_WORDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/msword': 'Word document',
  'application/vnd.ms-excel': 'Excel workbook',
  'application/vnd.ms-powerpoint': 'PowerPoint presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} bytes`;

/** Downloads an evidence file (the server checks its SHA-256 first); the hash is shown so a copy can be checked too. */
export function EvidenceFileLink({ file }: { file: EvidenceFile }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<GraphQLRequestError>();

  async function download() {
    setBusy(true);
    setError(undefined);
    try {
      await downloadEvidenceFile(session.token, file.downloadUrl, file.originalName);
    } catch (e) {
      setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError(String(e), 'CLIENT'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="evidence-file">
      <p>
        <button type="button" onClick={() => void download()} disabled={busy}>
          Download {file.originalName}
        </button>{' '}
        <span className="secondary">
          {TYPE_WORDS[file.contentType] ?? file.contentType}, {size(file.size)} · SHA-256 <code title={file.sha256}>{file.sha256.slice(0, 12)}…</code>
        </span>
      </p>
      {error && <ErrorMessage error={error} title="The file was not downloaded" />}
    </div>
  );
}
