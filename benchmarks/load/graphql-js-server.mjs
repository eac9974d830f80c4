// node graphql-js-server.mjs <schema.graphql> <data.json> <port>
// The graphql-js baseline: graphql-http's reference handler over buildSchema(SDL) with the JSON file as root value.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';

const [sdlPath, dataPath, port] = process.argv.slice(2);
if (!sdlPath || !dataPath || !port) {
  console.error('usage: node graphql-js-server.mjs <schema.graphql> <data.json> <port>');
  process.exit(2);
}
const schema = buildSchema(readFileSync(sdlPath, 'utf8'));
const rootValue = JSON.parse(readFileSync(dataPath, 'utf8'));
const handler = createHandler({ schema, rootValue });
createServer((req, res) => {
  if (req.url.startsWith('/graphql')) handler(req, res);
  else { res.writeHead(404).end(); }
}).listen(+port, '127.0.0.1', () => console.log(`graphql-js listening on http://127.0.0.1:${port}/graphql`));
