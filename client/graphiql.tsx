// The GraphQL console at /graphiql: GraphiQL bundled from npm (no CDN), opened on the example queries.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const examples = import.meta.glob('../docs/queries/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const defaultTabs = Object.keys(examples)
  .sort()
  .map((path) => ({ query: examples[path]! }));
const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultTabs, defaultEditorToolsVisibility: false }),
);
