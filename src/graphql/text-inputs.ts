import {
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { IMiddlewareFieldMap, IMiddlewareFunction } from 'graphql-middleware';
import { BadUserInputError, type FieldError } from '../common/errors';

/**
 * What no text input may hold: control characters (Cc, NUL included), format characters (Cf:
 * zero-width spaces, joiners, bidi embeddings and overrides, BOM, soft hyphen), unpaired
 * surrogates (Cs), line and paragraph separators, and the other invisible (default-ignorable)
 * code points such as the Hangul fillers. Variation selectors stay: emoji use them.
 */
const REFUSED_CHARACTER = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|(?![\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/u;

export const REFUSED_TEXT = 'Must not contain control, invisible or bidirectional formatting characters.';

/** Input fields whose value is a secret, taken byte for byte (passwords): `@Extensions(VERBATIM)`. */
export const VERBATIM = { verbatim: true } as const;

/** Checks and cleans one input value: the value to pass on, with any problems pushed to `problems`. */
type Clean = (value: unknown, field: string, problems: FieldError[]) => unknown;

const cleanText: Clean = (value, field, problems) => {
  if (typeof value !== 'string') return value;
  if (REFUSED_CHARACTER.test(value)) {
    problems.push({ field, message: REFUSED_TEXT });
    return value;
  }
  return value.normalize('NFC');
};

const isVerbatim = (extensions: Readonly<Record<string, unknown>> | null | undefined) => extensions?.verbatim === true;

/** The cleaner of the String values within `type` (through lists and input objects), or null when it holds none. */
function cleanerOf(type: GraphQLInputType, objects: Map<GraphQLInputObjectType, Clean | null>): Clean | null {
  if (isNonNullType(type)) return cleanerOf(type.ofType, objects);
  if (isListType(type)) {
    const item = cleanerOf(type.ofType, objects);
    return item && ((value, field, problems) => (Array.isArray(value) ? value.map((v) => item(v, field, problems)) : value));
  }
  if (isScalarType(type)) return type.name === 'String' ? cleanText : null;
  if (!isInputObjectType(type)) return null;
  if (objects.has(type)) return objects.get(type)!;
  // Set before the fields are read: a recursive input type finds itself here and looks its fields up when used.
  let fields: FieldCleaners = [];
  const clean: Clean = (value, _field, problems) =>
    value && typeof value === 'object' ? cleanFields(value as Record<string, unknown>, fields, problems) : value;
  objects.set(type, clean);
  fields = cleanersOf(Object.values(type.getFields()), objects);
  if (fields.length === 0) objects.set(type, null);
  return objects.get(type)!;
}

type FieldCleaners = Array<[name: string, clean: Clean]>;

function cleanersOf(
  fields: ReadonlyArray<{ name: string; type: GraphQLInputType; extensions?: Readonly<Record<string, unknown>> | null }>,
  objects: Map<GraphQLInputObjectType, Clean | null>,
): FieldCleaners {
  return fields.flatMap((f): FieldCleaners => {
    const clean = isVerbatim(f.extensions) ? null : cleanerOf(f.type, objects);
    return clean ? [[f.name, clean]] : [];
  });
}

function cleanFields(values: Record<string, unknown>, fields: FieldCleaners, problems: FieldError[]): Record<string, unknown> {
  const cleaned = { ...values };
  for (const [name, clean] of fields) {
    if (cleaned[name] != null) cleaned[name] = clean(cleaned[name], name, problems);
  }
  return cleaned;
}

/**
 * The one validation path of every text input (CONTRACT.md, Input rules): a graphql-middleware
 * field map that wraps each field taking String arguments or input fields anywhere in its
 * arguments. It refuses control, invisible and bidi characters as BAD_USER_INPUT naming every
 * offending field, and hands the resolver NFC-normalized text, so stored text is NFC. It runs
 * inside the shield (permission first) and before each input's own declarative rules
 * (class-validator: lengths, formats), which then see normalized text.
 */
export function textInputs(schema: GraphQLSchema): IMiddlewareFieldMap {
  const objects = new Map<GraphQLInputObjectType, Clean | null>();
  const map: IMiddlewareFieldMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const args = cleanersOf(field.args, objects);
      if (args.length === 0) continue;
      const middleware: IMiddlewareFunction = (resolve, root, values: Record<string, unknown>, ctx, info) => {
        const problems: FieldError[] = [];
        const cleaned = cleanFields(values, args, problems);
        if (problems.length > 0) throw new BadUserInputError(problems);
        return resolve(root, cleaned, ctx, info) as Promise<unknown>;
      };
      ((map[type.name] ??= {}) as Record<string, IMiddlewareFunction>)[field.name] = middleware;
    }
  }
  return map;
}
