import { describe, expect, it } from 'vitest';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as operations from './operations';
import contract from '../../../schema.graphql?raw';

// Every operation the app sends is valid against the contract (schema.graphql at the repository root), so a screen
// that no browser test opens still cannot ask for a field the API lacks.
const schema = buildSchema(contract);

const documents = Object.entries(operations)
  .filter(([, value]) => (value as DocumentNode).definitions?.some((d) => d.kind === 'OperationDefinition')) as [string, DocumentNode][];

describe('operations against schema.graphql', () => {
  it('finds the operations', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents)('%s is valid', (_, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});
