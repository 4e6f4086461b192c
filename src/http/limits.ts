import type { GraphQLError, ValidationContext } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';

/**
 * Security limits on what one document may ask (GraphQL Armor's validation rules): deep
 * nesting, alias floods and expensive selections are refused before anything runs.
 * The deepest contract operation nests 8 levels; introspection is exempt.
 */
const reportAsValidationError = {
  exposeLimits: true,
  // Report through the validation context (a 400 GRAPHQL_VALIDATION_FAILED) instead of throwing.
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export const securityValidationRules = [
  maxDepthRule({ n: 15, ...reportAsValidationError }),
  maxAliasesRule({ n: 30, ...reportAsValidationError }),
  // The "My organizations" dashboard (viewer > organizations > teams and projects > viewerPermissions) costs about 26,700.
  costLimitRule({ maxCost: 40000, ...reportAsValidationError }),
];
