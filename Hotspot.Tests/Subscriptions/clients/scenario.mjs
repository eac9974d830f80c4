// The dashboard's view of live payments, driven with the clients people use against a running Hotspot API:
// graphql-ws (with ws), graphql-sse (distinct connections) and Apollo Client 4's GraphQLWsLink.
//
//   node scenario.mjs <api-base-url> <platform-admin-email> <platform-admin-password>
//
// Prints one "ok <check>" or "not ok <check>: <why>" line per check, then "<n> passed, <m> failed"; exits 1 on a failure.
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import WebSocket from 'ws';

const [base, adminEmail, adminPassword] = process.argv.slice(2);
const graphqlUrl = new URL('/graphql', base).toString();
const socketUrl = graphqlUrl.replace(/^http/, 'ws');
const paidPhone = '254712345678';
const promptly = 2000;

let passed = 0;
let failed = 0;
const check = (name, ok, why = '') => {
  if (ok) { passed++; console.log(`ok ${name}`); } else { failed++; console.log(`not ok ${name}: ${why}`); }
};

async function graphql(query, variables, token) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const result = await response.json();
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const login = async (email, password) =>
  (await graphql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } })).login.token;

async function createUser(adminToken, role, organizationId) {
  const email = `client-${Math.random().toString(36).slice(2)}@subscriptions.test`;
  const password = 'a long enough password 123';
  const created = await graphql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email, password, role, organizationId } }, adminToken);
  return { id: created.createUser.id, token: await login(email, password) };
}

// Resolves with what matches, or rejects after the time is up.
function waitFor(name, events, predicate, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: nothing within ${ms} ms (saw ${JSON.stringify(events.list)})`)), ms);
    events.waiters.push((value) => { if (predicate(value)) { clearTimeout(timer); resolve(value); return true; } return false; });
    for (const value of events.list) if (events.waiters.at(-1)(value)) break;
  });
}

function collector() {
  const events = { list: [], waiters: [] };
  events.push = (value) => {
    events.list.push(value);
    events.waiters = events.waiters.filter((w) => !w(value));
  };
  return events;
}

const admin = await login(adminEmail, adminPassword);
const { organizations } = await graphql('{ organizations { id name plans(first: 10) { nodes { id priceKes } } } }', null, admin);
const demo = organizations.find((o) => o.name === 'Demo Hotspot (sandbox)');
const plan = demo.plans.nodes.reduce((a, b) => (a.priceKes <= b.priceKes ? a : b));
const viewer = await createUser(admin, 'ORGANIZATION_VIEWER', demo.id);
const elsewhere = (await graphql('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
  { i: { name: `Elsewhere ${Date.now()}` } }, admin)).createOrganization.id;
const outsider = await createUser(admin, 'ORGANIZATION_ADMIN', elsewhere);
const leaving = await createUser(admin, 'ORGANIZATION_ADMIN', demo.id);

const paymentQuery = 'subscription($o: ID!) { paymentReceived(organizationId: $o) { id provider status purchase { id status } } }';
const purchaseQuery = 'subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id status } }';
const wsClient = (token, extra = {}) => createWsClient({
  url: socketUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { Authorization: `Bearer ${token}` }, ...extra,
});
const sinkInto = (events) => ({ next: (v) => events.push({ next: v }), error: (e) => events.push({ error: e }), complete: () => events.push({ complete: true }) });

// --- A sandbox purchase reaches all three clients --------------------------------------------------------------
const ws = wsClient(viewer.token);
const wsPayments = collector();
const wsPurchases = collector();
ws.subscribe({ query: paymentQuery, variables: { o: demo.id } }, sinkInto(wsPayments));
ws.subscribe({ query: purchaseQuery, variables: { o: demo.id } }, sinkInto(wsPurchases));

const sse = createSseClient({ url: graphqlUrl, headers: { Authorization: `Bearer ${viewer.token}` }, retryAttempts: 0 });
const ssePurchases = collector();
const stopSse = sse.subscribe({ query: purchaseQuery, variables: { o: demo.id } }, sinkInto(ssePurchases));

const apollo = new ApolloClient({ link: new GraphQLWsLink(wsClient(viewer.token)), cache: new InMemoryCache() });
const apolloPayments = collector();
const apolloSubscription = apollo.subscribe({ query: gql(paymentQuery), variables: { o: demo.id } })
  .subscribe({ next: (v) => apolloPayments.push({ next: v }), error: (e) => apolloPayments.push({ error: e }) });

await new Promise((r) => setTimeout(r, 500)); // every subscription joined
const bought = await fetch(new URL('/api/hotspot/purchase-voucher', base), {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ organizationId: demo.id, planId: plan.id, phoneNumber: paidPhone }),
});
const { purchaseId } = await bought.json();
const started = Date.now();
const paidPurchase = (e) => e.next?.data?.purchaseUpdated?.id === purchaseId && e.next.data.purchaseUpdated.status === 'PAID';
const itsPayment = (e) => e.next?.data?.paymentReceived?.purchase?.id === purchaseId;
const outcomes = await Promise.allSettled([
  waitFor('graphql-ws paymentReceived', wsPayments, itsPayment, promptly),
  waitFor('graphql-ws purchaseUpdated', wsPurchases, paidPurchase, promptly),
  waitFor('graphql-sse purchaseUpdated', ssePurchases, paidPurchase, promptly),
  waitFor('Apollo GraphQLWsLink paymentReceived', apolloPayments, itsPayment, promptly),
]);
const names = ['graphql-ws paymentReceived', 'graphql-ws purchaseUpdated', 'graphql-sse purchaseUpdated', 'Apollo GraphQLWsLink paymentReceived'];
outcomes.forEach((o, i) => check(`${names[i]} within 2 s of the purchase (${Date.now() - started} ms)`, o.status === 'fulfilled', o.reason?.message));
const wsPayment = wsPayments.list.find(itsPayment)?.next.data.paymentReceived;
check('the payment is announced settled, its purchase paid', wsPayment?.status === 'SETTLED' && wsPayment?.purchase?.status === 'PAID',
  JSON.stringify(wsPayment));
stopSse();
apolloSubscription.unsubscribe();

// --- A wrong token is refused with 4403 ------------------------------------------------------------------------
const wrong = wsClient('not-a-token');
const wrongEvents = collector();
wrong.subscribe({ query: purchaseQuery, variables: { o: demo.id } }, sinkInto(wrongEvents));
try {
  const refused = await waitFor('wrong token', wrongEvents, (e) => e.error, 3000);
  check('a wrong token closes the socket with 4403', refused.error?.code === 4403, `got ${refused.error?.code} ${refused.error?.reason}`);
} catch (e) {
  check('a wrong token closes the socket with 4403', false, e.message);
}
await wrong.dispose();

// --- Another organization's id is NOT_FOUND, and nothing is delivered ------------------------------------------
const other = wsClient(outsider.token);
const otherEvents = collector();
other.subscribe({ query: paymentQuery, variables: { o: demo.id } }, sinkInto(otherEvents));
try {
  const refused = await waitFor('other organization', otherEvents, (e) => e.error || e.next, 3000);
  const codes = Array.isArray(refused.error) ? refused.error.map((x) => x.extensions?.code) : [];
  check("another organization's id is NOT_FOUND", codes.includes('NOT_FOUND'), JSON.stringify(refused));
} catch (e) {
  check("another organization's id is NOT_FOUND", false, e.message);
}
const secondPurchase = await fetch(new URL('/api/hotspot/purchase-voucher', base), {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ organizationId: demo.id, planId: plan.id, phoneNumber: paidPhone }),
});
const second = (await secondPurchase.json()).purchaseId;
await waitFor('second purchase on the allowed client', wsPurchases,
  (e) => e.next?.data?.purchaseUpdated?.id === second && e.next.data.purchaseUpdated.status === 'PAID', 5000).catch(() => {});
await new Promise((r) => setTimeout(r, 500));
check("nothing of another organization is delivered", otherEvents.list.every((e) => !e.next), JSON.stringify(otherEvents.list));
await other.dispose();

// --- A deactivated user's subscription ends ---------------------------------------------------------------------
const leavingClient = wsClient(leaving.token);
const leavingEvents = collector();
leavingClient.subscribe({ query: purchaseQuery, variables: { o: demo.id } }, sinkInto(leavingEvents));
await new Promise((r) => setTimeout(r, 500));
await graphql('mutation($u: ID!) { deactivateUser(userId: $u) { id } }', { u: leaving.id }, admin);
try {
  const ended = await waitFor('deactivated user', leavingEvents, (e) => e.error || e.complete, 5000);
  check("a deactivated user's subscription ends (4403)", ended.error?.code === 4403, JSON.stringify(ended));
} catch (e) {
  check("a deactivated user's subscription ends (4403)", false, e.message);
}
await leavingClient.dispose();
await ws.dispose();

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
