import { Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { PageInfo } from './page-info.js';

/**
 * The Relay-style connection and edge types for a node type, named `<Node>Connection` and
 * `<Node>Edge` as the public contract spells them.
 */
export function connectionType<T extends object>(Node: ClassType<T>, nodeName: string, description: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue after this item.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${nodeName} itself.` })
    node!: T;
  }

  @ObjectType(`${nodeName}Connection`, { description })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in list order, each with its cursor.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether another follows.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }

  return Connection;
}
