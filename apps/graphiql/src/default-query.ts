/** What a first visit shows: a real query on the demo plan, so "run" answers at once. */
export const DEFAULT_QUERY = `# The demo plan's areas with their RAG roll-ups.
# Press the play button (or Ctrl-Enter); the Docs icon lists every query and mutation.
query DemoPlan {
  plan(id: "demo-plan") {
    title
    version
    localArea { name }
    rollUp {
      total red amber green blue notYetRated
      percentComplete overdue stale
    }
    areas {
      number
      name
      rollUp { total red amber green blue percentComplete overdue stale }
    }
  }
}
`;
