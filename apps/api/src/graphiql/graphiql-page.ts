/** A GraphiQL page whose scripts and styles are served by this app, so it works offline. */
export function graphiqlPage(endpoint: string, assetsPath: string): string {
  const defaultQuery = `# The demo plan's areas with their RAG roll-ups.
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
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SEND Improvement Plan tracker · GraphiQL</title>
  <link rel="stylesheet" href="${assetsPath}/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${assetsPath}/react.production.min.js"></script>
  <script src="${assetsPath}/react-dom.production.min.js"></script>
  <script src="${assetsPath}/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(defaultQuery)}, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;
}
