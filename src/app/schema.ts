import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type PubSub } from 'type-graphql';
import '../authz/permission-docs';
import { shieldMiddleware } from '../authz/shield';
import { textInputs } from '../graphql/text-inputs';
import { VALIDATION_OPTIONS } from '../graphql/validators';
import { resolvers } from './modules';

/** The docs' front page (GraphiQL shows the Query type's description first): how to get in. */
export const QUERY_DESCRIPTION = [
  'Orgraph: accounts, organizations, members, teams, projects and roles, over GraphQL.',
  '',
  'Authenticate with the HTTP header `Authorization: Bearer <token>` (in GraphiQL: the Headers tab, e.g. `{"Authorization": "Bearer <token>"}`).',
  'A session token comes from `register`, `login`, `acceptInvitation` or `resetPassword` (`AuthPayload.token`); a personal access token',
  '(`orgraph_pat_…`, from `createAccessToken`) acts as its user inside one organization, with the permissions it lists. Without the header the',
  'request is anonymous: `viewer` is null, and everything but `register`, `login`, `invitationPreview`, `acceptInvitation`, `declineInvitation`',
  'and the email-link operations (`verifyEmail`, `requestPasswordReset`, `resetPassword`, `confirmEmailChange`) answers UNAUTHENTICATED.',
  '',
  'Refusals are GraphQL errors whose `extensions.code` says why (see Mutation). Lists are Relay connections: `first` (1 to 100) and `after`,',
  'with `nodes`, `edges` and `pageInfo`.',
].join('\n');

const MUTATION_DESCRIPTION =
  'Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: ' +
  'UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), ' +
  'CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`.';

const SUBSCRIPTION_DESCRIPTION =
  'Live updates over WebSocket at /graphql (graphql-transport-ws): send `{ "authorization": "Bearer <token>" }` as connectionParams; a missing or bad token closes the socket with 4401.';

/** Subscriptions bring their own event streams (src/modules/events): type-graphql's topic PubSub is never used. */
const noTopics: PubSub = {
  publish: () => {
    throw new Error('subscriptions have their own event streams');
  },
  subscribe: () => {
    throw new Error('subscriptions have their own event streams');
  },
};

/** The executable schema: every field behind its shield rule, then its text inputs checked and NFC-normalized. */

export async function createSchema(): Promise<{ schema: GraphQLSchema; unprotected: GraphQLSchema }> {
  const unprotected = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: VALIDATION_OPTIONS,
    emitSchemaFile: false,
    pubSub: noTopics,
  });
  // type-graphql has no option for the root types' descriptions.
  unprotected.getQueryType()!.description = QUERY_DESCRIPTION;
  unprotected.getMutationType()!.description = MUTATION_DESCRIPTION;
  unprotected.getSubscriptionType()!.description = SUBSCRIPTION_DESCRIPTION;
  return { schema: applyMiddleware(unprotected, shieldMiddleware(unprotected), textInputs(unprotected)), unprotected };
}

/** The SDL committed as schema.graphql: sorted so diffs stay small. */
export async function schemaSdl(): Promise<string> {
  const { printSchema } = await import('graphql');
  const { unprotected } = await createSchema();
  return `${printSchema(lexicographicSortSchema(unprotected))}\n`;
}
