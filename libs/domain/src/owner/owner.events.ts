/**
 * A person's name (and organisation, and perhaps job title) changed, and with it every place the
 * tracker shows them. The owner id stays, so what they own and who acts as them stay too.
 * `role` is null when the job title was left as it was; the previous values let a history say
 * what the name was before without refolding.
 */
export type OwnerRenamed = {
  type: 'OwnerRenamed';
  data: { ownerId: string; name: string; organisation: string; role: string | null; previousName: string; previousOrganisation: string };
};

export type OwnerEvent = OwnerRenamed;

/** Current schema version of each owner event; bump with an upcaster, never edit in place. */
export const OWNER_EVENT_VERSIONS: Record<OwnerEvent['type'], number> = {
  OwnerRenamed: 1,
};
