// GraphQL Code Generator: typed documents for the contract's operations, used by the tests
// (and usable by clients). Regenerate with `npm run codegen` after changing the schema.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { buildSchema } from 'graphql';

const operationsDir = '../shared/api/operations';
const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

/** An operation file that starts with `# planned until: Type.field` counts once that field exists (as check-contract says). */
function isInPlay(file: string): boolean {
  const planned = /^# planned until: (\w+)\.(\w+)/.exec(readFileSync(file, 'utf8'));
  if (!planned) return true;
  const type = schema.getType(planned[1]);
  return !!type && 'getFields' in type && planned[2] in type.getFields();
}

const contractOperations = readdirSync(operationsDir)
  .filter((name) => name.endsWith('.graphql'))
  .map((name) => path.join(operationsDir, name))
  .filter(isInPlay);

const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema.graphql',
  documents: contractOperations,
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: { enumsAsTypes: true, avoidOptionals: false, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
