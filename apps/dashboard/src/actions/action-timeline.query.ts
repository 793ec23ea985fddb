/** How many timeline entries a page shows: the latest changes are what a board looks at first. */
export const TIMELINE_PAGE_SIZE = 20;

export const TIMELINE_PAGE_FIELDS = `totalCount pageInfo { hasNextPage endCursor }
    edges { node { at recordedAt revision eventType supersedesRevision supersededByRevision summary actor { name role } changes { field from to } } }`;

/** The page after the ones shown, read as the action page was (live, or as at the same instant). */
export const OLDER_TIMELINE_ENTRIES_QUERY = `query OlderTimelineEntries($id: ID!, $after: String, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  action(id: $id, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id
    timelineEntries(first: ${TIMELINE_PAGE_SIZE}, after: $after) { ${TIMELINE_PAGE_FIELDS} }
  }
}`;

export interface TimelineEntry {
  at: string;
  recordedAt: string;
  revision: number | null;
  eventType: string;
  supersedesRevision: number | null;
  supersededByRevision: number | null;
  summary: string;
  actor: { name: string | null; role: string | null } | null;
  changes: { field: string; from: string | null; to: string | null }[];
}

export interface TimelinePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: TimelineEntry }[];
}
