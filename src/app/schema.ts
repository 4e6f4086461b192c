import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { permissions } from '../authz/shield';
import { textInputs } from '../graphql/text-inputs';
import { resolvers } from './modules';

/** The executable schema: every field behind its shield rule, then its text inputs checked and NFC-normalized. */
export async function createSchema(): Promise<{ schema: GraphQLSchema; unprotected: GraphQLSchema }> {
  const unprotected = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
  return { schema: applyMiddleware(unprotected, permissions, textInputs(unprotected)), unprotected };
}

/** The SDL committed as schema.graphql: sorted so diffs stay small. */
export async function schemaSdl(): Promise<string> {
  const { printSchema } = await import('graphql');
  const { unprotected } = await createSchema();
  return `${printSchema(lexicographicSortSchema(unprotected))}\n`;
}
