/** The one HTML page of the dashboard; everything after this is drawn by its script. */
export function dashboardPage(assetsPath: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <link rel="icon" href="data:,">
  <title>SEND Improvement Board dashboard</title>
  <link rel="stylesheet" href="${assetsPath}/dashboard.css">
</head>
<body>
  <div id="root"><p class="page-message">Loading the dashboard…</p></div>
  <noscript><p class="page-message">The dashboard needs JavaScript. The same data is available over the GraphQL API at /graphql.</p></noscript>
  <script src="${assetsPath}/dashboard.js" defer></script>
</body>
</html>`;
}
