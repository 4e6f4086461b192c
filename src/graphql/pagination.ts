import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor, type Cursor, type PageRequest } from '../common/paging';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
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
}

/** Builds a connection from up to `limit + 1` rows (the extra row only says there is a next page). */
export function toConnection<T>(rows: T[], request: PageRequest, totalCount: number, cursorOf: (row: T) => Cursor): ConnectionShape<T> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    totalCount,
    pageInfo: { hasNextPage: rows.length > request.limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}

/** The GraphQL Edge and Connection types for one node type. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => Int)
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => [EdgeType])
    edges: EdgeType[];
  }
  return ConnectionType;
}
