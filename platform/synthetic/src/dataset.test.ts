/** The data set itself: deterministic for a seed, the size the issue asks for, shaped like the subgraphs' records. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { datasetSizes, syntheticDataset, SYNTHETIC_SOURCE } from './dataset.js';

function digest(scale: number, seed: number): string {
  const hash = createHash('sha256');
  for (const collection of syntheticDataset(scale, seed)) for (const document of collection.documents()) hash.update(JSON.stringify(document));
  return hash.digest('hex');
}

describe('the synthetic data set', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(digest(0.02, 7)).toBe(digest(0.02, 7));
    expect(digest(0.02, 8)).not.toBe(digest(0.02, 7));
  });

  it('has at scale 1 the sizes of the issue: 64 committees, 15,000 events over 10 years, 5,000 people, about 150,000 participations, 1,000 documents', () => {
    const sizes = datasetSizes(1);
    expect(sizes).toMatchObject({ committees: 64, events: 15000, people: 5000, documents: 1000 });
    const events = syntheticDataset(1, 1).find((c) => c.collection === 'events')!;
    let participations = 0;
    const years = new Set<number>();
    for (const event of events.documents()) {
      participations += (event.participants as unknown[]).length;
      years.add((event.date as { year: number }).year);
    }
    expect(participations).toBeGreaterThan(135_000);
    expect(participations).toBeLessThan(165_000);
    expect([...years].sort()).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('marks every record synthetic and gives it the derived fields the subgraphs compute', () => {
    const dataset = syntheticDataset(0.01, 1);
    const ids = new Set<string>();
    for (const collection of dataset) {
      let count = 0;
      for (const document of collection.documents()) {
        count += 1;
        expect(document.synthetic).toBe(true);
        expect(ids.has(`${collection.collection}/${document._id as string}`)).toBe(false);
        ids.add(`${collection.collection}/${document._id as string}`);
        if ('sources' in document) expect(document.sources).toContain(SYNTHETIC_SOURCE);
      }
      expect(count).toBe(collection.count);
    }
    const event = dataset.find((c) => c.collection === 'events')!.documents()[Symbol.iterator]().next().value!;
    expect(event.searchTokens).toEqual(expect.arrayContaining(['giao', 'ban']));
    expect(event.ascKey).toMatch(/^0-20\d\d-\d\d-\d\d synthetic-event-000001$/);
    expect(event.committeeIds).toContain(event.organizerId);
    expect((event.personIds as string[]).length).toBeGreaterThan(0);
    expect(event.version).toBe(1);
  });
});
