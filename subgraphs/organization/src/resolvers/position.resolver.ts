import { byId, type SubgraphContext } from '@hub/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity.js';
import { Committee } from '../entities/committee.entity.js';
import { Person } from '../entities/person.entity.js';
import { Position } from '../entities/position.entity.js';
import { SourceDocumentRef } from '../references.js';

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Person, { description: 'The person who holds the title.' })
  async person(@Root() position: Position, @Ctx() ctx: SubgraphContext) {
    return (await byId(ctx, Person).load(position.personId))!;
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'The committee the title is held in (exactly one of committee / agency).' })
  committee(@Root() position: Position, @Ctx() ctx: SubgraphContext) {
    return position.committeeId ? byId(ctx, Committee).load(position.committeeId) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the title is held in (exactly one of committee / agency).' })
  agency(@Root() position: Position, @Ctx() ctx: SubgraphContext) {
    return position.agencyId ? byId(ctx, Agency).load(position.agencyId) : null;
  }

  @FieldResolver(() => [SourceDocumentRef], { nullable: true, description: 'The documents that state it.' })
  sources(@Root() position: Position) {
    return position.sources.map(SourceDocumentRef.of);
  }
}
