const roleWords = (role: string) => role.replace(/_/g, ' ').toLowerCase().replace('dfe', 'DfE');

/**
 * "Prof. Judith Ashworth (board chair)": the person's name and their roles in this area, once.
 * A display name that already carries a description in brackets ("(independent chair)") would
 * read as two roles side by side, so the brackets give way to the roles the tracker knows.
 */
export function signedInAs(displayName: string, roles: string[]): string {
  const name = displayName.replace(/\s*\([^()]*\)\s*$/, '').trim() || displayName;
  const words = [...new Set(roles.map(roleWords))];
  return `${name} (${words.join(', ') || 'no role here'})`;
}
