import { FormEvent, useState } from 'react';

/**
 * Paste a bearer token: from the identity provider, or in the embedded mode from
 * `npm run token -- --user <id>` (scripts and tests sign in this way too).
 */
export function TokenForm({ onToken }: { onToken(token: string): void }) {
  const [token, setToken] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (trimmed) onToken(trimmed);
  }

  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor="sign-in-token">Access token</label>
        <textarea id="sign-in-token" rows={4} required spellCheck={false} autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </div>
      <button type="submit">Sign in</button>
    </form>
  );
}
