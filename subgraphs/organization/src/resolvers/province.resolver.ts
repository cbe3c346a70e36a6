import { byId, manyBy, notArchived, type SubgraphContext } from '@hub/kit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Committee } from '../entities/committee.entity.js';
import { Province } from '../entities/province.entity.js';
import { Region } from '../enums.js';

@Resolver(() => Province)
export class ProvinceResolver {
  @Query(() => Province, { nullable: true, description: 'One province by its code, e.g. "ha-noi".' })
  province(@Ctx() ctx: SubgraphContext, @Arg('code', () => String, { description: 'The province\'s code, e.g. "ha-noi".' }) code: string) {
    return byId(ctx, Province).load(code);
  }

  @Query(() => [Province], { description: 'All 63 provincial units, or those of one region, by name.' })
  async provinces(@Ctx() ctx: SubgraphContext, @Arg('region', () => Region, { nullable: true, description: 'Only the provinces of this region.' }) region?: Region) {
    const rows = await ctx.em.find(Province, region ? { region } : {});
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'The provincial steering committee.' })
  async committee(@Root() province: Province, @Ctx() ctx: SubgraphContext) {
    const [committee] = await manyBy(ctx, Committee, 'provinceCode', { where: notArchived() }).load(province.code);
    return committee ?? null;
  }
}
