// The hub's IDE: GraphiQL with the explorer, served by the gateway from its own origin, bundled
// at build time (ide/build.mjs): no CDN, nothing leaves the hub. Queries go to this origin's
// /graphql with the headers the headers editor holds (a bearer token, for instance).
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import { EXAMPLES } from './examples.js';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.origin).toString() });
const explorer = explorerPlugin({ showAttribution: false });

function Ide() {
  const [query] = useState(EXAMPLES[0].query);
  return createElement(GraphiQL, {
    fetcher,
    plugins: [explorer],
    defaultQuery: query,
    defaultTabs: EXAMPLES.map(({ query: q }) => ({ query: q })),
    // A token goes in the headers editor: { "Authorization": "Bearer <token>" } (npm run token).
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  });
}

createRoot(document.getElementById('ide')).render(createElement(Ide));
