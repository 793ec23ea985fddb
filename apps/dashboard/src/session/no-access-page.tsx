/** Signed in, but no role in any plan here: say who they are and whom to ask, and nothing more. */
export function NoAccessPage({ displayName, onSignOut }: { displayName: string; onSignOut(): void }) {
  return (
    <main id="main" className="sign-in">
      <h1>You do not have access to a plan yet</h1>
      <p>
        You are signed in as <strong data-testid="no-access-name">{displayName}</strong>, but you hold no role in any plan in this tracker.
      </p>
      <p>Ask your programme office to give you access, then sign in again.</p>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </main>
  );
}
