// Decorators below read type metadata at load time, whoever imports this first.
import 'reflect-metadata';
import { Arg, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, encodeCursor, type Cursor, type PageRequest } from '../common/paging';

/** `first` of every connection (one definition, so every connection documents it alike). */
export const FirstArg = () =>
  Arg('first', () => Int, {
    nullable: true,
    description: `How many items to return: from 1 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when omitted (else BAD_USER_INPUT).`,
  });

/** `after` of every connection. */
export const AfterArg = () =>
  Arg('after', () => String, {
    nullable: true,
    description: "Return the items after this cursor: a previous page's `pageInfo.endCursor` or an edge's `cursor`.",
  });

@ObjectType({ simpleResolvers: true, description: 'Where a page of a connection lies in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Whether items come before this page; paging runs forward only, so this is true exactly when `after` was given.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as `after` for the next page; null on an empty page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Edge<T>[];
  nodes: T[];
}

/** An edge whose cursor is encoded only if a client asks for it (most pages ask for none but `endCursor`). */
class LazyEdge<R, T> implements Edge<T> {
  constructor(
    private readonly row: R,
    private readonly cursorOf: (row: R) => Cursor,
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.row));
  }
}

/**
 * Builds a connection from up to `limit + 1` rows (the extra row only says there is a next
 * page); `nodeOf` turns a row into the node the connection shows (default: the row itself).
 */
export function toConnection<R, T = R>(
  rows: R[],
  request: PageRequest,
  totalCount: number,
  cursorOf: (row: R) => Cursor,
  nodeOf: (row: R) => T = (row) => row as unknown as T,
): ConnectionShape<T> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((row) => new LazyEdge(row, cursorOf, nodeOf(row)));
  return {
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > request.limit,
      hasPreviousPage: request.after !== null,
      startCursor: page.length > 0 ? encodeCursor(cursorOf(page[0])) : null,
      endCursor: page.length > 0 ? encodeCursor(cursorOf(page[page.length - 1])) : null,
    },
    edges,
    nodes: edges.map((edge) => edge.node),
  };
}

/** The GraphQL Edge and Connection types for one node type (plain fields read as properties: simpleResolvers), described from its name (e.g. "team members"). */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  const items = `${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}s`;
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One of the ${items} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Where this item lies: pass it as `after` to list the items that follow it.' })
    cursor: string;

    @Field(() => node, { description: 'The item itself.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${items}, with how many there are in all.` })
  class ConnectionType {
    @Field(() => Int, { description: `How many ${items} the whole list holds (every page), as this viewer sees it.` })
    totalCount: number;

    @Field(() => PageInfo, { description: 'Where this page lies, and the cursors to page on.' })
    pageInfo: PageInfo;

    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges: EdgeType[];

    @Field(() => [node], { description: 'The items of this page, for clients that need no cursors per item (same order as `edges`).' })
    nodes: T[];
  }
  return ConnectionType;
}
