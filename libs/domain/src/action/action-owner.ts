/** A named person who owns an action, with their role in an organisation. */
export interface ActionOwner {
  ownerId: string;
  name: string;
  role: string;
  organisation: string;
}
