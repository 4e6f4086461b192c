import 'reflect-metadata';
import { isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { allow } from 'graphql-shield';
import { ruleOf, ruleTree, SESSION_ONLY } from '../src/authz/shield';
import { createSchema } from '../src/app/schema';

/**
 * The guard of the deny-by-default rule tree (src/authz/shield.ts): every Query and Mutation
 * field has its own rule (no wildcard), every object type has an entry that covers each of its
 * fields, and no entry names a type or field the schema does not have (a typo would leave the
 * intended field refused, or worse, guarded by nothing anyone reviewed).
 */
type Entry = unknown;
const tree = ruleTree as Record<string, Entry>;
/** graphql-shield does not export its rule classes; every rule, logic rules included, resolves. */
const isRule = (entry: Entry) => typeof (entry as { resolve?: unknown })?.resolve === 'function';
const fieldMap = (entry: Entry) => entry as Record<string, Entry>;

let schema: GraphQLSchema;
let objectTypes: GraphQLObjectType[];
beforeAll(async () => {
  schema = (await createSchema()).unprotected;
  objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
});

const ROOTS = ['Query', 'Mutation', 'Subscription'];

describe('shield rule tree', () => {
  it('gives every Query and Mutation field its own rule', () => {
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root) continue;
      const entry = tree[root.name];
      if (entry === undefined || isRule(entry)) {
        missing.push(`${root.name} (needs a map of field rules, not ${entry === undefined ? 'nothing' : 'one rule for all'})`);
        continue;
      }
      for (const field of Object.keys(root.getFields())) {
        if (!isRule(fieldMap(entry)[field])) missing.push(`${root.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no wildcard on Query or Mutation', () => {
    for (const root of ROOTS) expect(Object.keys(fieldMap(tree[root] ?? {}))).not.toContain('*');
  });

  it('has an entry for every object type, covering each of its fields', () => {
    const missing: string[] = [];
    for (const type of objectTypes.filter((t) => !ROOTS.includes(t.name))) {
      const entry = tree[type.name];
      if (entry === undefined) {
        missing.push(type.name);
      } else if (!isRule(entry)) {
        const map = fieldMap(entry);
        if (!isRule(map['*'])) {
          for (const field of Object.keys(type.getFields())) if (!isRule(map[field])) missing.push(`${type.name}.${field}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only types and fields that exist', () => {
    const stale: string[] = [];
    for (const [typeName, entry] of Object.entries(tree)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      if (isRule(entry)) continue;
      for (const [field, rule] of Object.entries(fieldMap(entry))) {
        if (field !== '*' && !(field in type.getFields())) stale.push(`${typeName}.${field}`);
        if (!isRule(rule)) stale.push(`${typeName}.${field} (not a rule)`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('wraps every field whose rule is not `allow` in the executable schema (only `allow` fields are left bare)', async () => {
    const { schema: guarded, unprotected } = await createSchema();
    const bare: string[] = [];
    let wrapped = 0;
    for (const type of Object.values(guarded.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'))) {
      const plain = unprotected.getType(type.name) as GraphQLObjectType;
      for (const [name, field] of Object.entries(type.getFields())) {
        if (ruleOf(type.name, name) === allow) continue;
        if (field.resolve === undefined || field.resolve === plain.getFields()[name].resolve) bare.push(`${type.name}.${name}`);
        else wrapped += 1;
      }
    }
    expect(bare).toEqual([]);
    expect(wrapped).toBeGreaterThan(50);
  });

  it('gives every session-only field that exists its own rule, so SESSION_ONLY puts requiresSession in front of it', () => {
    const uncovered: string[] = [];
    for (const { field } of SESSION_ONLY) {
      const [typeName, fieldName] = field.split('.');
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type) || !(fieldName in type.getFields())) continue; // not built yet: covered the day it gets its rule
      const entry = tree[typeName];
      if (entry === undefined || isRule(entry) || !isRule(fieldMap(entry)[fieldName])) uncovered.push(field);
    }
    expect(uncovered).toEqual([]);
    // The access token operations exist, so the list is not silently empty.
    expect(SESSION_ONLY.map((e) => e.field)).toEqual(expect.arrayContaining(['Mutation.createAccessToken', 'Mutation.revokeAccessToken', 'User.accessTokens']));
  });
});
