import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { DEFAULT_QUERY } from './default-query';
import { graphqlFetcher } from './graphql-fetcher';
import { serveMonacoWorkersFrom } from './monaco-workers';

// The page names the endpoint; the workers sit beside this script, wherever the server mounts it.
const container = document.getElementById('graphiql')!;
const script = document.currentScript as HTMLScriptElement;
serveMonacoWorkersFrom(new URL('.', script.src).pathname.replace(/\/$/, ''));

createRoot(container).render(
  <GraphiQL fetcher={graphqlFetcher(container.dataset.endpoint!)} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility />,
);
