import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GRAPHQL_URL } from '../graphql/endpoint';
import { initialLocale } from '../i18n/locale';
import 'graphiql/style.css';
import './graphiql.css';

// The same language the web UI uses, so errors and `*Label` fields read the same here.
const locale = initialLocale();

const fetcher: GraphiQLProps['fetcher'] = async (graphQLParams) => {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/graphql-response+json, application/json',
      'Content-Type': 'application/json',
      'Accept-Language': locale,
    },
    body: JSON.stringify(graphQLParams),
  });
  return response.json();
};

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} />
    </StrictMode>,
  );
}
