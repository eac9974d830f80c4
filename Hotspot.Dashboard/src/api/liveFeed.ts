import { useQuery } from '@apollo/client/react';
import { RECENT_PAYMENTS } from './operations';

// The live payments feed, in one place: today it polls; when the API serves subscriptions this hook switches to a
// subscription over GraphQLWsLink (graphql-transport-ws) and no screen changes.
export const feedIntervalMs = 5000;

export interface FeedPurchase {
  id: string;
  status: string;
  amountKes: number;
  phoneNumber: string;
  paymentMethod: string;
  createdAt: string;
  paidAt: string | null;
  plan: { id: string; name: string };
  voucher: { id: string; code: string } | null;
}

export function useLivePayments(organizationId: string, size = 15) {
  const { data, error, loading } = useQuery(RECENT_PAYMENTS, {
    variables: { organizationId, first: size },
    pollInterval: feedIntervalMs,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  const purchases = (data?.organization?.purchases?.edges ?? []).map((e: { node: FeedPurchase }) => e.node) as FeedPurchase[];
  return { purchases, error, loading };
}
