/**
 * Mentions both ways: a document's mentions lead to the records (resolved by their owners), and
 * each such record lists the documents that mention it (`mentionedIn`), one batched query per
 * plan step whatever the number of records asked about.
 */
import { manyBy, notArchived, type ReferenceClass, type SubgraphContext } from '@hub/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Conclusion } from '../entities/conclusion.entity.js';
import { Mention, MentionKind } from '../entities/mention.embeddable.js';
import { mentionKey, SourceDocument } from '../entities/source-document.entity.js';
import { Strategy } from '../entities/strategy.entity.js';
import { byId } from '@hub/kit';
import { AgencyRef, CommitteeRef, PersonRef, ProvinceRef } from '../references.js';

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => PersonRef, { nullable: true, description: 'The person, when kind is PERSON.' })
  person(@Root() mention: Mention) {
    return mention.kind === MentionKind.PERSON ? PersonRef.of(mention.key) : null;
  }

  @FieldResolver(() => CommitteeRef, { nullable: true, description: 'The committee, when kind is COMMITTEE.' })
  committee(@Root() mention: Mention) {
    return mention.kind === MentionKind.COMMITTEE ? CommitteeRef.of(mention.key) : null;
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The agency, when kind is AGENCY.' })
  agency(@Root() mention: Mention) {
    return mention.kind === MentionKind.AGENCY ? AgencyRef.of(mention.key) : null;
  }

  @FieldResolver(() => ProvinceRef, { nullable: true, description: 'The province, when kind is PROVINCE.' })
  province(@Root() mention: Mention) {
    return mention.kind === MentionKind.PROVINCE ? ProvinceRef.of(mention.key) : null;
  }

  @FieldResolver(() => Conclusion, { nullable: true, description: 'The conclusion, when kind is CONCLUSION.' })
  conclusion(@Root() mention: Mention, @Ctx() ctx: SubgraphContext) {
    return mention.kind === MentionKind.CONCLUSION ? byId(ctx, Conclusion).load(mention.key) : null;
  }

  @FieldResolver(() => Strategy, { nullable: true, description: 'The strategy, when kind is STRATEGY.' })
  strategy(@Root() mention: Mention, @Ctx() ctx: SubgraphContext) {
    return mention.kind === MentionKind.STRATEGY ? byId(ctx, Strategy).load(mention.key) : null;
  }
}

/** `mentionedIn` on a type: the documents whose text names the record. */
export function mentionedInResolver(Parent: ReferenceClass<'id'> | ReferenceClass<'code'> | Function, kind: MentionKind, keyOf: (parent: any) => string, typeName: string) {
  @Resolver(() => Parent)
  class MentionedInResolver {
    @FieldResolver(() => [SourceDocument], { nullable: true, description: 'The documents whose text names it (from the knowledge subgraph).' })
    mentionedIn(@Root() parent: unknown, @Ctx() ctx: SubgraphContext) {
      return manyBy(ctx, SourceDocument, 'mentionedKeys', { where: notArchived(), sort: (a, b) => (a.sortKey < b.sortKey ? -1 : 1) }).load(mentionKey(kind, keyOf(parent)));
    }
  }
  Object.defineProperty(MentionedInResolver, 'name', { value: `${typeName}MentionedInResolver` });
  return MentionedInResolver;
}
