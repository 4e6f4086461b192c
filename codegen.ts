/**
 * GraphQL Code Generator: typed documents for the contract's operations, used by the tests
 * (and usable by clients). Regenerate with `npm run codegen` after changing the schema.
 * An operation file that starts with `# planned until: Type.field` joins once that field exists
 * in schema.graphql, as it does for the contract check.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { buildSchema, isObjectType } from 'graphql';

const OPERATIONS = '../shared/api/operations';
const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

function inPlay(file: string): boolean {
  const planned = /^# planned until: (\w+)\.(\w+)/.exec(readFileSync(file, 'utf8'));
  if (!planned) return true;
  const type = schema.getType(planned[1]);
  return isObjectType(type) && planned[2] in type.getFields();
}

const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema.graphql',
  documents: readdirSync(OPERATIONS)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => path.join(OPERATIONS, name))
    .filter(inPlay),
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: { enumsAsTypes: true, avoidOptionals: false, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
