import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { relayStylePagination } from '@apollo/client/utilities';
import { currentSession, signOut } from './session';

/** Where the API answers GraphQL: the same origin that serves /admin. */
export const graphqlPath = '/graphql';

// Each connection is cached per filter and order (keyArgs) and its pages are merged by cursor.
const connection = () => relayStylePagination(['where', 'order']);

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: { Payment: ['MpesaTransaction', 'KopoKopoTransaction'] },
    typePolicies: {
      Organization: {
        fields: {
          plans: connection(),
          vouchers: connection(),
          purchases: connection(),
          mpesaTransactions: connection(),
          kopokopoTransactions: connection(),
          paymentsInReview: connection(),
          revenueByDay: { keyArgs: ['from', 'to'] },
        },
      },
      // Configurations have no id: they belong to their organization and replace each other whole.
      MpesaConfiguration: { keyFields: false },
      KopoKopoConfiguration: { keyFields: false },
    },
  });
}

export function createClient(): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const session = currentSession();
    return session ? { headers: { ...previous.headers, authorization: `Bearer ${session.token}` } } : {};
  });
  // A revoked or expired token answers UNAUTHENTICATED: back to the sign-in screen.
  const expired = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && currentSession())
      signOut();
  });
  return new ApolloClient({
    link: ApolloLink.from([expired, auth, new HttpLink({ uri: graphqlPath })]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
