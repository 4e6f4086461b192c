// GraphQL Code Generator's client preset, as an SPA would use it: types for two of the
// contract's operations (Register and MemberNodes), generated into src/gql (committed;
// `npm run example:codegen` from the project root rewrites it, CI fails on drift).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { parse, print, type DefinitionNode } from 'graphql';

const operations = path.join(__dirname, '../../../shared/api/operations');

/** One named operation of a contract file, as a document string. */
function contractOperation(file: string, name: string): string {
  const definitions = parse(readFileSync(path.join(operations, file), 'utf8')).definitions;
  const found = definitions.find((d: DefinitionNode) => d.kind === 'OperationDefinition' && d.name?.value === name);
  if (!found) throw new Error(`${file} has no operation ${name}`);
  return print(found);
}

const config: CodegenConfig = {
  overwrite: true,
  schema: path.join(__dirname, '../../schema.graphql'),
  documents: [contractOperation('auth.graphql', 'Register'), contractOperation('connections.graphql', 'MemberNodes')],
  generates: {
    [path.join(__dirname, 'src/gql/')]: {
      preset: 'client',
      config: { scalars: { DateTime: 'string' }, enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
