/** The provider would not renew the sign-in (it expired, or was ended there); nothing is shown until they sign in again. */
export function SessionEndedPage({ onSignIn }: { onSignIn(): void }) {
  return (
    <main id="main" className="sign-in">
      <h1>Your session has ended. Sign in again.</h1>
      <p>For your security the dashboard no longer shows the plan. Anything you had not saved was not sent.</p>
      <button type="button" className="primary" onClick={onSignIn}>
        Sign in again
      </button>
    </main>
  );
}
