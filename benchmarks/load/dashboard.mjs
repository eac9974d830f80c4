// node dashboard.mjs --url http://127.0.0.1:5000 --email <admin> --password <password>
//                    [--organization <id>] [--duration 20] [--concurrency 8] [--warmup 3]
// p50/p99 latency of the admin dashboard query (organization with its payment configuration and the last 20
// purchases, M-Pesa and Kopo Kopo transactions) against a running Hotspot.Api. Without --organization it creates
// one (platform admin needed) with both configurations, three plans and 2,000 vouchers so the tables are not empty.
// Uses only Node's fetch: closed-loop clients, each sending the next request when the previous answer arrives.
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const url = arg('url', 'http://127.0.0.1:5000').replace(/\/$/, '') + '/graphql';
const email = arg('email', process.env.HOTSPOT_BOOTSTRAP_ADMIN_EMAIL);
const password = arg('password', process.env.HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD);
const duration = +arg('duration', 20);
const concurrency = +arg('concurrency', 8);
const warmup = +arg('warmup', 3);

async function gql(query, variables, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const json = await res.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const token = (await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } })).login.token;
let organization = arg('organization');
if (!organization) {
  organization = (await gql('mutation { createOrganization(input: { name: "Load Test ISP" }) { id } }', {}, token)).createOrganization.id;
  await gql(`mutation($o: ID!) { updateMpesaConfiguration(organizationId: $o, input: { environment: SANDBOX, shortCode: "174379",
    transactionType: PAYBILL, consumerKey: "load-key-0000", consumerSecret: "load-secret-0000", passkey: "load-passkey-0000" }) { id } }`, { o: organization }, token);
  await gql(`mutation($o: ID!) { updateKopoKopoConfiguration(organizationId: $o, input: { environment: SANDBOX, clientId: "load-client",
    clientSecret: "load-client-secret", apiKey: "load-api-key-0000", businessName: "Load", tillNumber: "K555000" }) { id } }`, { o: organization }, token);
  for (const [name, price] of [['Hour', 10], ['Day', 50], ['Week', 250]]) {
    const plan = (await gql('mutation($o: ID!, $n: String!, $p: Long!) { createPlan(organizationId: $o, input: { name: $n, priceKes: $p, durationSeconds: 3600 }) { id } }',
      { o: organization, n: name, p: price }, token)).createPlan.id;
    if (price !== 250) await gql('mutation($o: ID!, $p: ID!) { generateVouchers(organizationId: $o, input: { planId: $p, count: 1000 }) { batchId } }', { o: organization, p: plan }, token);
  }
}

const dashboard = `query Dashboard($o: ID!) { organization(id: $o) {
  id name paymentMethod mpesaState kopokopoState
  mpesaConfig { isActive environment shortCode transactionType consumerKeyHint credentialsVerified lastTestedAt stkCallbackUrl }
  kopokopoConfig { isActive environment tillNumber apiKeyHint credentialsVerified webhookSubscriptions { eventType status } }
  purchases(first: 20) { totalCount nodes { id amountKes status phoneNumber createdAt plan { name } voucher { code } } }
  mpesaTransactions(first: 20) { totalCount nodes { id kind receiptNumber amountKes status receivedAt } }
  kopokopoTransactions(first: 20) { totalCount nodes { id type reference amountKes status receivedAt } }
  vouchers(first: 20, where: { status: { eq: UNUSED } }) { totalCount nodes { code status plan { name priceKes } } }
  revenueByDay { day amountKes purchaseCount } } }`;
const body = JSON.stringify({ query: dashboard, variables: { o: organization } });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

async function run(seconds, record) {
  const end = performance.now() + seconds * 1000;
  const latencies = [];
  let failures = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body });
      const json = await res.json();
      if (res.status !== 200 || json.errors) failures++;
      if (record) latencies.push(performance.now() - started);
    }
  }));
  return { latencies, failures };
}

await run(warmup, false);
const { latencies, failures } = await run(duration, true);
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(`dashboard query, ${concurrency} clients, ${duration} s: ${latencies.length} requests (${(latencies.length / duration).toFixed(0)}/s), ` +
  `${failures} failed; latency ms p50 ${pct(50)}, p90 ${pct(90)}, p99 ${pct(99)}, max ${latencies.at(-1).toFixed(1)}`);
if (failures > 0) process.exitCode = 1;
