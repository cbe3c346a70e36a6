/** Documents counted per year of publication and per publisher, in one request. */
import { aggregateRows, type SubgraphContext } from '@hub/kit';
import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { SourceDocument } from '../entities/source-document.entity.js';

@ObjectType({ description: 'Documents published in one year.' })
class DocumentYearCount {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'How many documents.' })
  count!: number;
}

@ObjectType({ description: 'Documents of one publisher.' })
class PublisherCount {
  @Field(() => String, { description: 'The publisher as written.' })
  publisher!: string;

  @Field(() => Int, { description: 'How many documents.' })
  count!: number;
}

@ObjectType({ description: 'Counts over the source documents (archived ones left out).' })
class DocumentStatistics {
  @Field(() => Int, { description: 'How many documents there are.' })
  total!: number;

  @Field(() => [DocumentYearCount], { description: 'Per year of publication, oldest first.' })
  perYear!: DocumentYearCount[];

  @Field(() => Int, { description: 'Documents whose publication year is not known.' })
  unknownYear!: number;

  @Field(() => [PublisherCount], { description: 'Per publisher, most first.' })
  perPublisher!: PublisherCount[];

  @Field(() => Int, { description: 'Documents whose publisher is not known.' })
  unknownPublisher!: number;
}

@Resolver()
export class DocumentStatisticsResolver {
  @Query(() => DocumentStatistics, { description: 'Counts over the source documents: per year of publication and per publisher.' })
  async documentStatistics(@Ctx() ctx: SubgraphContext): Promise<DocumentStatistics> {
    // Grouped by the store on (year, publisher): one row per pair, however many documents.
    const groups = await aggregateRows<{ _id: { year?: number | null; publisher?: string | null }; count: number }>(ctx.em, SourceDocument, [
      { $match: { archivedAt: null } },
      { $group: { _id: { year: '$publishedOn.year', publisher: '$publisher' }, count: { $sum: 1 } } },
    ]);
    const years = new Map<number, number>();
    const publishers = new Map<string, number>();
    let [total, unknownYear, unknownPublisher] = [0, 0, 0];
    for (const { _id: { year, publisher }, count } of groups) {
      total += count;
      if (year != null) years.set(year, (years.get(year) ?? 0) + count);
      else unknownYear += count;
      if (publisher) publishers.set(publisher, (publishers.get(publisher) ?? 0) + count);
      else unknownPublisher += count;
    }
    return Object.assign(new DocumentStatistics(), {
      total,
      perYear: [...years].sort((a, b) => a[0] - b[0]).map(([year, count]) => Object.assign(new DocumentYearCount(), { year, count })),
      unknownYear,
      perPublisher: [...publishers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([publisher, count]) => Object.assign(new PublisherCount(), { publisher, count })),
      unknownPublisher,
    });
  }
}
