/**
 * The GraphiQL page: an empty frame for the bundle `npm run build` writes (apps/graphiql), which
 * this app serves itself, so the page works offline and needs no inline script.
 */
export function graphiqlPage(endpoint: string, assetsPath: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>SEND Improvement Plan tracker · GraphiQL</title>
  <link rel="stylesheet" href="${assetsPath}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql" data-endpoint="${endpoint}">Loading GraphiQL…</div>
  <script src="${assetsPath}/graphiql.js"></script>
</body>
</html>`;
}

/**
 * Everything comes from this origin. The editor (Monaco) adds style elements as it lays out, so
 * styles may be inline; scripts may not, and its workers load only from here.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
  "worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
