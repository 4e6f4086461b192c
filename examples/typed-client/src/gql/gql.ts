/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n    organization {\n      id\n      moniker\n      name\n      region\n      viewerRole\n    }\n  }\n}": typeof types.RegisterDocument,
    "query MemberNodes($moniker: String!, $first: Int, $after: String) {\n  organization(moniker: $moniker) {\n    id\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        role\n        user {\n          id\n          name\n        }\n      }\n    }\n    projects(first: 5) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    invitations(first: 5) {\n      nodes {\n        id\n        email\n        status\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    auditLog(first: 5) {\n      nodes {\n        id\n        action\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}": typeof types.MemberNodesDocument,
};
const documents: Documents = {
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n    organization {\n      id\n      moniker\n      name\n      region\n      viewerRole\n    }\n  }\n}": types.RegisterDocument,
    "query MemberNodes($moniker: String!, $first: Int, $after: String) {\n  organization(moniker: $moniker) {\n    id\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        role\n        user {\n          id\n          name\n        }\n      }\n    }\n    projects(first: 5) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    invitations(first: 5) {\n      nodes {\n        id\n        email\n        status\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    auditLog(first: 5) {\n      nodes {\n        id\n        action\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}": types.MemberNodesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n    organization {\n      id\n      moniker\n      name\n      region\n      viewerRole\n    }\n  }\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n    organization {\n      id\n      moniker\n      name\n      region\n      viewerRole\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberNodes($moniker: String!, $first: Int, $after: String) {\n  organization(moniker: $moniker) {\n    id\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        role\n        user {\n          id\n          name\n        }\n      }\n    }\n    projects(first: 5) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    invitations(first: 5) {\n      nodes {\n        id\n        email\n        status\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    auditLog(first: 5) {\n      nodes {\n        id\n        action\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query MemberNodes($moniker: String!, $first: Int, $after: String) {\n  organization(moniker: $moniker) {\n    id\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        role\n        user {\n          id\n          name\n        }\n      }\n    }\n    projects(first: 5) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    invitations(first: 5) {\n      nodes {\n        id\n        email\n        status\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n    auditLog(first: 5) {\n      nodes {\n        id\n        action\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;