import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type PubSub } from 'type-graphql';
import { permissions } from '../authz/shield';
import { resolvers } from './modules';

/** Subscriptions bring their own event streams (src/modules/events): type-graphql's topic PubSub is never used. */
const noTopics: PubSub = {
  publish: () => {
    throw new Error('subscriptions have their own event streams');
  },
  subscribe: () => {
    throw new Error('subscriptions have their own event streams');
  },
};

/** The executable schema, with every field behind its shield rule. */
export async function createSchema(): Promise<{ schema: GraphQLSchema; unprotected: GraphQLSchema }> {
  const unprotected = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
    pubSub: noTopics,
  });
  return { schema: applyMiddleware(unprotected, permissions), unprotected };
}

/** The SDL committed as schema.graphql: sorted so diffs stay small. */
export async function schemaSdl(): Promise<string> {
  const { printSchema } = await import('graphql');
  const { unprotected } = await createSchema();
  return `${printSchema(lexicographicSortSchema(unprotected))}\n`;
}
