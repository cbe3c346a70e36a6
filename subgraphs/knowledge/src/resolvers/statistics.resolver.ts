/** Documents counted per year of publication and per publisher, in one request. */
import { notArchived, type SubgraphContext } from '@hub/kit';
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
    const documents = await ctx.em.find(SourceDocument, notArchived() as never, { fields: ['publishedOn', 'publisher'] as never });
    const years = new Map<number, number>();
    const publishers = new Map<string, number>();
    for (const document of documents) {
      const year = document.publishedOn?.year;
      if (year != null) years.set(year, (years.get(year) ?? 0) + 1);
      if (document.publisher) publishers.set(document.publisher, (publishers.get(document.publisher) ?? 0) + 1);
    }
    return Object.assign(new DocumentStatistics(), {
      total: documents.length,
      perYear: [...years].sort((a, b) => a[0] - b[0]).map(([year, count]) => Object.assign(new DocumentYearCount(), { year, count })),
      unknownYear: documents.filter((d) => d.publishedOn?.year == null).length,
      perPublisher: [...publishers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([publisher, count]) => Object.assign(new PublisherCount(), { publisher, count })),
      unknownPublisher: documents.filter((d) => !d.publisher).length,
    });
  }
}
