import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { graphqlPath } from '../api/client';
import { currentSession } from '../api/session';

// GraphiQL sends what the dashboard sends: the signed-in user's bearer token, read at each request so a new
// sign-in needs no reload.
async function fetcher(params: unknown, options?: { headers?: Record<string, string> }) {
  const session = currentSession();
  const response = await fetch(graphqlPath, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options?.headers ?? {}),
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

const defaultQuery = `# The admin API, as the dashboard uses it. Ctrl+Space completes; the docs are on the left.
query Me {
  me { email role organization { id name } }
  organizations { id name paymentMethod mpesaState kopokopoState }
}
`;

export default function Explorer() {
  return (
    <section className="explorer" data-testid="explorer">
      <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
    </section>
  );
}
