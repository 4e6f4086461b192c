import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** The `extensions` of an Orgraph error (CONTRACT.md, Errors), narrowed by `code`. */
export type OrgraphErrorExtensions =
  | { code: 'BAD_USER_INPUT'; fields?: Array<{ field: string; message: string }> }
  | { code: 'RATE_LIMITED' | 'UNAVAILABLE'; retryAfterSeconds: number }
  | { code: 'INTERNAL_SERVER_ERROR'; requestId?: string }
  | {
      code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'GONE' | 'BAD_REQUEST' | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';
    };

export interface OrgraphError {
  message: string;
  path?: Array<string | number>;
  extensions: OrgraphErrorExtensions;
}

export type OrgraphResult<TData> = { data: TData; errors?: undefined } | { data?: TData | null; errors: OrgraphError[] };

export interface OrgraphClient {
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<OrgraphResult<TData>>;
}

/** A minimal typed client: POST JSON to /graphql, with `Authorization: Bearer <token>` once signed in. */
export function createClient(url: string, token?: string): OrgraphClient {
  return {
    async request(document, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return response.json();
    },
  };
}
