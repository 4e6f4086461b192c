import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';

/** What one request may ask (CONTRACT.md, Limits); README's "Security limits" explains each. */
export const LIMITS = {
  /** Lexical tokens of a document; Apollo's parser stops counting there (GRAPHQL_PARSE_FAILED). */
  tokens: 2000,
  /** Request body bytes (HTTP 413). */
  bodyBytes: 100 * 1024,
  depth: 15,
  /** Aliases, `__typename` included. */
  aliases: 30,
  /** GraphQL Armor's cost: the contract's dashboard query costs about 44,000. */
  cost: 50000,
  directives: 50,
  /** Selections merged into one field of the response (repeats, fragments and repeated parents multiply). */
  fieldRepeats: 10,
  /** Fragment spreads in the whole document. */
  fragmentSpreads: 100,
} as const;

type Fragments = Map<string, FragmentDefinitionNode>;

/** Whether some fragment spreads itself, directly or not (graphql-js's NoFragmentCycles refuses those). */
function hasFragmentCycle(fragments: Fragments): boolean {
  const state = new Map<string, 'visiting' | 'done'>();
  const spreadsOf = (selectionSet: SelectionSetNode): string[] =>
    selectionSet.selections.flatMap((s) => (s.kind === Kind.FRAGMENT_SPREAD ? [s.name.value] : s.selectionSet ? spreadsOf(s.selectionSet) : []));
  const cyclic = (name: string): boolean => {
    if (state.get(name) === 'done') return false;
    if (state.get(name) === 'visiting') return true;
    state.set(name, 'visiting');
    const fragment = fragments.get(name);
    const found = fragment ? spreadsOf(fragment.selectionSet).some(cyclic) : false;
    state.set(name, 'done');
    return found;
  };
  return [...fragments.keys()].some(cyclic);
}

/**
 * The response field selected most often at one position of the response, all selections that
 * execution merges there counted (fragments once per position). graphql-js's
 * OverlappingFieldsCanBeMerged compares every pair of those, at every level below: seconds for
 * a 2,000-token document. Walked only once the cost limit passed, which bounds the expansion.
 */
function mostRepeatedField(selectionSets: readonly SelectionSetNode[], fragments: Fragments, path: string[] = []): { path: string[]; count: number } {
  const byName = new Map<string, FieldNode[]>();
  const spread = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        const fields = byName.get(name);
        if (fields) fields.push(selection);
        else byName.set(name, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  selectionSets.forEach(collect);
  let most = { path, count: 0 };
  for (const [name, fields] of byName) {
    if (fields.length > LIMITS.fieldRepeats) return { path: [...path, name], count: fields.length };
    if (fields.length > most.count) most = { path: [...path, name], count: fields.length };
    const below = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
    if (below.length === 0) continue;
    const deeper = mostRepeatedField(below, fragments, [...path, name]);
    if (deeper.count > most.count) most = deeper;
    if (most.count > LIMITS.fieldRepeats) return most;
  }
  return most;
}

function fragmentSpreadCount(selectionSet: SelectionSetNode): number {
  let spreads = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) spreads += 1;
    else if (selection.selectionSet) spreads += fragmentSpreadCount(selection.selectionSet);
  }
  return spreads;
}

const executableDefinitions = (document: DocumentNode) =>
  document.definitions.filter(
    (d): d is OperationDefinitionNode | FragmentDefinitionNode => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
  );

/** Fragment spreads in the document's text: each pair of distinct fragments in a selection set is compared. */
const fragmentSpreadsRule: ValidationRule = (context) => ({
  Document(document) {
    const spreads = executableDefinitions(document).reduce((sum, d) => sum + fragmentSpreadCount(d.selectionSet), 0);
    if (spreads > LIMITS.fragmentSpreads)
      context.reportError(new GraphQLError(`Fragment spreads limit of ${LIMITS.fragmentSpreads} exceeded, found ${spreads}.`));
  },
});

function repeatedFieldsRefusal(document: DocumentNode): string | null {
  const fragments: Fragments = new Map();
  for (const d of executableDefinitions(document)) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  if (hasFragmentCycle(fragments)) return null;
  for (const d of executableDefinitions(document)) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const most = mostRepeatedField([d.selectionSet], fragments);
    if (most.count > LIMITS.fieldRepeats) {
      return `Repeated fields limit of ${LIMITS.fieldRepeats} exceeded: "${most.path.join('.')}" is selected ${most.count} times.`;
    }
  }
  return null;
}

// GraphQL Armor reports through the validation context instead of throwing; its messages start with "Syntax Error: ".
const armor = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))],
};

/** The limits, each linear in the document's size (fragments are counted once, not expanded). */
// Introspection is held to them too (its own query is 15 deep and costs about 15,600): it walks a cyclic graph.
const limitRules: ValidationRule[] = [
  fragmentSpreadsRule,
  maxDepthRule({ n: LIMITS.depth, ignoreIntrospection: false, flattenFragments: true, ...armor }),
  maxAliasesRule({ n: LIMITS.aliases, allowList: [], ...armor }),
  maxDirectivesRule({ n: LIMITS.directives, ...armor }),
  costLimitRule({ maxCost: LIMITS.cost, ignoreIntrospection: false, flattenFragments: true, ...armor }),
];

export interface DocumentRefusal {
  code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';
  message: string;
}

/**
 * Checks a document against the limits on its own, before Apollo parses and validates it:
 * Apollo runs extra validation rules in one pass with graphql-js's, so the quadratic overlap
 * check would run before any limit. Null when the document is within them, or does not parse
 * for another reason (Apollo reports that).
 */
export function documentRefusal(schema: GraphQLSchema, source: string): DocumentRefusal | null {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: LIMITS.tokens, noLocation: true });
  } catch (error) {
    const tooLong = error instanceof GraphQLError && /\d+ tokens\. Parsing aborted/.test(error.message);
    return tooLong ? { code: 'GRAPHQL_PARSE_FAILED', message: `Tokens limit of ${LIMITS.tokens} exceeded.` } : null;
  }
  const message = validate(schema, document, limitRules, { maxErrors: 1 })[0]?.message ?? repeatedFieldsRefusal(document);
  return message ? { code: 'GRAPHQL_VALIDATION_FAILED', message } : null;
}
