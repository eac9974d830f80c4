// node load.mjs [--duration 10] [--rounds 3] [--warmup 3] [--connections 100] [--pipelining 5] [--query '{ ... }']
// Load-tests the same query over the same data (schema.graphql + data.json) served by
//   (a) our GraphQLHost (Release build), (b) graphql-js with graphql-http's handler, (c) bare Kestrel writing
// the same response bytes, with autocannon (bench.mjs settings: 100 connections,
// pipelining 5). Prints requests/s, latency, and the ratios the issue sets as targets.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const duration = +arg('duration', 10);
const warmup = +arg('warmup', 3);
const connections = +arg('connections', 100);
const pipelining = +arg('pipelining', 5);
const rounds = +arg('rounds', 3);
const configuration = arg('configuration', 'Release');
// The small query: one author with three books (10 fields). `--query '{ authors { id name md5 books { id name } } }'`
// runs the benawad workload (20 authors x 3 books, about 200 fields) instead.
const query = arg('query', '{ featured { id name md5 books { id name } } }');
const schemaPath = join(here, 'schema.graphql');
const dataPath = join(here, 'data.json');
const body = JSON.stringify({ query });
const headers = { 'content-type': 'application/json' };
const scratch = mkdtempSync(join(tmpdir(), 'hotspot-load-'));

const dll = (project, name) => join(repo, project, 'bin', configuration, 'net10.0', `${name}.dll`);
const servers = [
  { name: 'GraphQLHost (ours)', port: 4301,
    cmd: (port) => ['dotnet', [dll('tools/GraphQLHost', 'GraphQLHost'), '--schema', schemaPath, '--data', dataPath, '--urls', `http://127.0.0.1:${port}`]] },
  { name: 'graphql-js + graphql-http', port: 4302,
    cmd: (port) => ['node', [join(here, 'graphql-js-server.mjs'), schemaPath, dataPath, String(port)]] },
  { name: 'bare Kestrel', port: 4303,
    cmd: (port) => ['dotnet', [dll('benchmarks/BareKestrel', 'BareKestrel'), '--response', join(scratch, 'response.json'),
      '--content-type', 'application/json; charset=utf-8', '--urls', `http://127.0.0.1:${port}`]] },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function post(url) {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
async function start(server) {
  const [command, args] = server.cmd(server.port);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DOTNET_gcServer: '1' } });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${server.name} exited with ${child.exitCode}`);
    try { return { child, url, probe: await post(url) }; } catch { await sleep(200); }
  }
  child.kill();
  throw new Error(`${server.name} did not start`);
}
async function stop(child) {
  child.kill('SIGTERM');
  for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
const load = (url, seconds) => autocannon({ url, method: 'POST', body, headers, connections, pipelining, duration: seconds });

// All three servers run at once (idle ones cost nothing); measurements are interleaved round by round and the
// median taken, so background load on a shared machine falls on every server alike.
const running = [];
const samples = new Map(servers.map((s) => [s.name, []]));
let reference;
try {
  for (const server of servers) {
    const started = await start(server);
    running.push({ server, ...started });
    const { probe } = started;
    if (probe.status !== 200) throw new Error(`${server.name}: HTTP ${probe.status} ${probe.bytes.toString().slice(0, 200)}`);
    const parsed = JSON.parse(probe.bytes.toString('utf8'));
    if (!parsed.data || parsed.errors || Object.values(parsed.data).some((v) => v === null)) {
      throw new Error(`${server.name}: not a data response: ${probe.bytes.toString().slice(0, 200)}`);
    }
    if (!reference) {
      reference = parsed;
      writeFileSync(join(scratch, 'response.json'), probe.bytes); // the bare endpoint replays our exact bytes
    } else if (!isDeepStrictEqual(parsed, reference)) {
      throw new Error(`${server.name} answers differently from GraphQLHost`);
    }
  }
  for (const { url } of running) await load(url, warmup);
  for (let round = 0; round < rounds; round++) {
    for (const { server, url, probe } of running) {
      const r = await load(url, duration);
      samples.get(server.name).push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx,
        errors: r.errors, timeouts: r.timeouts, bytes: r.throughput.total / Math.max(1, r.requests.total), body: probe.bytes.length });
    }
  }
} finally {
  for (const { child } of running) await stop(child);
  rmSync(scratch, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = servers.map(({ name }) => {
  const s = samples.get(name);
  return { server: name, 'req/s (median)': Math.round(median(s.map((x) => x.rps))), 'req/s (rounds)': s.map((x) => Math.round(x.rps)).join(' / '),
    'p50 ms': median(s.map((x) => x.p50)), 'p99 ms': median(s.map((x) => x.p99)),
    non2xx: s.reduce((a, x) => a + x.non2xx, 0), errors: s.reduce((a, x) => a + x.errors, 0), timeouts: s.reduce((a, x) => a + x.timeouts, 0),
    'bytes/resp': Math.round(median(s.map((x) => x.bytes))), 'body bytes': s[0].body };
});

console.log(`query: ${query}\nautocannon: ${connections} connections, pipelining ${pipelining}; ${rounds} interleaved rounds of ${duration} s per server after ${warmup} s warm-up; median shown`);
console.table(results);
const rps = Object.fromEntries(results.map((r) => [r.server, r['req/s (median)']]));
const ours = rps['GraphQLHost (ours)'], node = rps['graphql-js + graphql-http'], bare = rps['bare Kestrel'];
const vsNode = ours / node, vsBare = ours / bare;
console.log(`ours / graphql-js   = ${vsNode.toFixed(2)}x   (target >= 3x)    ${vsNode >= 3 ? 'PASS' : 'FAIL'}`);
console.log(`ours / bare Kestrel = ${(100 * vsBare).toFixed(1)}%  (target >= 35%)  ${vsBare >= 0.35 ? 'PASS' : 'FAIL'}`);
if (results.some((r) => r.non2xx || r.errors)) console.log('WARNING: some requests were not 2xx or failed (errors include timeouts, counted apart)');
process.exitCode = vsNode >= 3 && vsBare >= 0.35 ? 0 : 1;
