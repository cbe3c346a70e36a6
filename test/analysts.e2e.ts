/**
 * The questions analysts ask of the five source documents, each answered in one request,
 * correctly and completely, with no counting or merging left to the client: events of a period
 * including those whose date is only bounded, the Huế review by its year and province, who took
 * part and in what roles, the 25 northern committees at the northern briefing, the named bridge
 * point of the 2023 conference, counts per year, kind and person, and filters by participant.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphql } from './harness/client.js';

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await graphql<T>(query, { variables });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id).sort();

const SEEDED = ['giao-ban-ttdn-khu-vuc-phia-bac', 'hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018', 'hoi-nghi-toan-quoc-ket-luan-57-kl-tw', 'so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020'];
const seeded = (list: string[]) => list.filter((id) => SEEDED.includes(id));

describe('when things happened, as far as the sources tell', () => {
  it('"events from 2020 on" includes the review of the first half of 2020, which has no stated date', async () => {
    const data = await ask('{ events(filter: { from: "2020-01-01" }, first: 100) { edges { node { id dateBounds { earliest latest reasoning } } } } }');
    expect(seeded(ids(data.events))).toEqual(['hoi-nghi-toan-quoc-ket-luan-57-kl-tw', 'so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020']);
    const review = data.events.edges.find((edge: { node: { id: string } }) => edge.node.id === 'so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020').node;
    expect(review.dateBounds).toMatchObject({ earliest: '2020-07-01', latest: '2020-12-31' });
    expect(review.dateBounds.reasoning).toContain('6 tháng đầu năm 2020');
  });

  it('tells certain from possible: the northern briefing and the Huế review are not certainly in 2020–2023', async () => {
    const certain = await ask('{ events(filter: { from: "2020-01-01", to: "2023-12-31", dates: CERTAIN }, first: 100) { edges { node { id } } } }');
    expect(seeded(ids(certain.events))).toEqual(['hoi-nghi-toan-quoc-ket-luan-57-kl-tw', 'so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020']);
    const withUndated = await ask('{ events(filter: { from: "2022-01-01", includeUndated: true }, first: 100) { edges { node { id } } } }');
    expect(seeded(ids(withUndated.events))).toContain('hoi-nghi-toan-quoc-ket-luan-57-kl-tw');
  });

  it('finds the Huế review of 2018 by its year and by its province', async () => {
    const data = await ask('{ byYear: events(filter: { year: 2018 }) { edges { node { id } } } byProvince: events(filter: { provinceCode: "thua-thien-hue" }) { edges { node { id } } } }');
    expect(seeded(ids(data.byYear))).toEqual(['hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018']);
    expect(seeded(ids(data.byProvince))).toEqual(['hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018']);
  });

  it('places the Huế review of 2018 in 2019, as its sources bound it, and never in a later year', async () => {
    const data = await ask(`{ event(id: "hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018") { dateBounds { earliest latest reasoning } }
      in2019: events(filter: { year: 2019 }) { edges { node { id } } }
      in2024: events(filter: { year: 2024 }) { edges { node { id } } }
      farAhead: events(filter: { from: "9999-01-01" }) { edges { node { id } } } }`);
    expect(data.event.dateBounds).toMatchObject({ earliest: '2019-01-01', latest: '2019-12-31' });
    expect(data.event.dateBounds.reasoning).toContain('sẽ triển khai trong năm 2019');
    expect(seeded(ids(data.in2019))).toEqual(['hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018']);
    expect(seeded(ids(data.in2024))).toEqual([]);
    expect(seeded(ids(data.farAhead))).toEqual([]);
  });

  it.each([
    ['provinceCode', '{ provinceCode: "hanoi" }', 'filter.provinceCode: "hanoi" is not a province code the hub knows'],
    ['personId', '{ personId: "pham-van-lin" }', 'filter.personId: "pham-van-lin" is not a person the hub knows'],
    ['committeeId', '{ committeeId: "ban-chi-dao-ttdn-ha-noii" }', 'filter.committeeId: "ban-chi-dao-ttdn-ha-noii" is not a committee the hub knows'],
  ])('tells a mistyped %s from "no events"', async (_, filter, message) => {
    const { body } = await graphql(`{ events(filter: ${filter}) { totalCount } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(message);
  });

  it('refuses dates: CERTAIN without a range to apply it to', async () => {
    const { body } = await graphql('{ events(filter: { dates: CERTAIN }) { totalCount } }');
    expect(body.errors?.[0]?.message).toContain('filter.dates: needs year, from or to');
  });

  it('refuses a year that is not four digits, naming it', async () => {
    const { body } = await graphql('{ events(filter: { year: 20200 }) { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('filter.year: must be a four-digit year, got 20200');
  });

  it('refuses a filter that cannot be met, naming it', async () => {
    const { body } = await graphql('{ events(filter: { from: "2023-01-01", to: "2020-01-01" }) { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('is after filter.to');
    const contradiction = await graphql('{ events(filter: { year: 2020, dates: CERTAIN, includeUndated: true }) { totalCount } }');
    expect(contradiction.body.errors?.[0]?.message).toContain('cannot be combined with dates: CERTAIN');
  });
});

describe('who took part, and as what', () => {
  it('lists each person once per event with all their roles, concluding remarks included', async () => {
    const data = await ask('{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { participants { roles person { id } } } }');
    const people = data.event.participants.filter((p: { person: unknown }) => p.person);
    const byPerson = Object.fromEntries(people.map((p: { person: { id: string }; roles: string[] }) => [p.person.id, p.roles]));
    expect(people).toHaveLength(3);
    expect(byPerson['ngo-thi-thanh-hang']).toEqual(['CHAIR', 'REPORTER', 'SPEAKER']);
    expect(byPerson['pham-van-linh']).toEqual(['CHAIR', 'CONCLUDING_REMARKS']);
  });

  it('has the 25 northern provincial committees as participants of the northern briefing, each showing it', async () => {
    const data = await ask(`{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { participants { committee { id level province { region } } } }
      committee(id: "ban-chi-dao-ttdn-hai-phong") { participations { roles event { id } } } }`);
    const northern = data.event.participants.filter((p: { committee: { level: string; province: { region: string } | null } | null }) => p.committee?.level === 'PROVINCIAL');
    expect(northern).toHaveLength(25);
    expect(northern.every((p: { committee: { province: { region: string } } }) => p.committee.province.region === 'NORTH')).toBe(true);
    expect(data.committee.participations).toEqual([{ roles: ['ATTENDEE'], event: { id: 'giao-ban-ttdn-khu-vuc-phia-bac' } }]);
  });

  it('says in what roles a person took part, across events', async () => {
    const data = await ask('{ person(id: "pham-van-linh") { participations { roles title event { id } } } }');
    expect(data.person.participations).toEqual([{ roles: ['CHAIR', 'CONCLUDING_REMARKS'], title: expect.any(String), event: { id: 'giao-ban-ttdn-khu-vuc-phia-bac' } }]);
  });

  it('names the bridge point of the 2023 conference beside their count', async () => {
    const data = await ask('{ event(id: "hoi-nghi-toan-quoc-ket-luan-57-kl-tw") { bridgePoints namedBridgePoints { title agency { name } } } }');
    expect(data.event.bridgePoints).toBe(63);
    expect(data.event.namedBridgePoints).toEqual([{ title: 'điểm cầu Bộ Công an', agency: { name: 'Bộ Công an' } }]);
  });

  it('filters events by region, held there or involving its committees, and refuses a province outside it', async () => {
    const data = await ask(`{ north: events(filter: { region: NORTH }, first: 100) { edges { node { id } } }
      central: events(filter: { region: CENTRAL, year: 2018 }, first: 100) { edges { node { id } } }
      committee(id: "ban-chi-dao-ttdn-thua-thien-hue") { events(filter: { region: CENTRAL }) { totalCount } } }`);
    // Both held in Hà Nội; the northern briefing also brought the 25 northern committees together.
    expect(seeded(ids(data.north))).toEqual(['giao-ban-ttdn-khu-vuc-phia-bac', 'hoi-nghi-toan-quoc-ket-luan-57-kl-tw']);
    expect(seeded(ids(data.central))).toEqual(['hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018']);
    expect(data.committee.events.totalCount).toBeGreaterThanOrEqual(1);
    const { body } = await graphql('{ events(filter: { region: SOUTH, provinceCode: "ha-noi" }) { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('"ha-noi" is not a province of region SOUTH');
  });

  it('filters events by a participant person or committee', async () => {
    const data = await ask('{ byPerson: events(filter: { personId: "vo-van-thuong" }) { edges { node { id } } } byCommittee: events(filter: { committeeId: "ban-chi-dao-ttdn-ha-nam" }) { edges { node { id } } } }');
    expect(seeded(ids(data.byPerson))).toEqual(['so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020']);
    expect(seeded(ids(data.byCommittee))).toEqual(['giao-ban-ttdn-khu-vuc-phia-bac']);
  });

  it("shows an agency's participations per person who took part for it, each with their own roles and title", async () => {
    const data = await ask('{ agency(id: "ban-tuyen-giao-tw") { participations { event { id } roles title person { id } } } }');
    const atBriefing = data.agency.participations.filter((p: { event: { id: string } }) => p.event.id === 'giao-ban-ttdn-khu-vuc-phia-bac');
    const byPerson = Object.fromEntries(atBriefing.map((p: { person: { id: string } | null; roles: string[] }) => [p.person?.id ?? '(the agency itself)', p.roles]));
    // Phạm Văn Linh chaired and concluded for it; Võ Văn Phuông attended: the agency itself chaired nothing.
    expect(byPerson).toEqual({ 'pham-van-linh': ['CHAIR', 'CONCLUDING_REMARKS'], 'vo-van-phuong': ['ATTENDEE'] });
    expect(atBriefing.find((p: { person: { id: string } }) => p.person.id === 'vo-van-phuong').title).toContain('Phó Trưởng Ban Tuyên giáo');
  });

  it('classes the Central Propaganda Department as a central Party body', async () => {
    expect((await ask('{ agency(id: "ban-tuyen-giao-tw") { kind } }')).agency.kind).toBe('PARTY_BODY');
  });
});

describe('who held what, and which committees did what', () => {
  it('finds who headed the central committee on 1 July 2020, from the meeting that shows it', async () => {
    const data = await ask('{ committee(id: "ban-chi-dao-ttdn-tw") { positions(activeOn: "2020-07-01", role: HEAD) { title person { fullName } } } }');
    expect(data.committee.positions).toEqual([{ title: 'Trưởng Ban', person: { fullName: 'Võ Văn Thưởng' } }]);
  });

  it('counts a title held only on the days the meetings that show it allow', async () => {
    const heads = (day: string) => `positions(activeOn: "${day}", role: HEAD) { person { fullName } }`;
    const data = await ask(`{ committee(id: "ban-chi-dao-ttdn-tw") {
      beforeReview: ${heads('2020-03-01')} endOf2020: ${heads('2020-12-31')} startOf2023: ${heads('2023-01-01')} conference: ${heads('2023-10-11')} } }`);
    // 002's session, undated, was held in the second half of 2020; 004's conference on 11 October 2023.
    expect(data.committee.beforeReview).toEqual([]);
    expect(data.committee.endOf2020).toEqual([{ person: { fullName: 'Võ Văn Thưởng' } }]);
    expect(data.committee.startOf2023).toEqual([]);
    expect(data.committee.conference).toEqual([{ person: { fullName: 'Nguyễn Trọng Nghĩa' } }]);
    const thuong = await ask('{ person(id: "vo-van-thuong") { positions { attestedOn { year text } attestedBetween { earliest latest } } } }');
    // 002 gives no date: no year is claimed for it, only the bounds.
    expect(thuong.person.positions.every((p: { attestedOn: Array<{ year: number | null }> }) => p.attestedOn.every((date) => date.year === null))).toBe(true);
    expect(thuong.person.positions[0].attestedBetween).toEqual([{ earliest: '2020-07-01', latest: '2020-12-31' }]);
  });

  it('filters committees by named officials and by taking part in events', async () => {
    const data = await ask(`{ officials: committees(filter: { hasNamedOfficials: true }, first: 100) { edges { node { id } } }
      active: committees(filter: { tookPartInEvents: true, region: NORTH }, first: 100) { totalCount }
      idle: committees(filter: { tookPartInEvents: false, region: CENTRAL }, first: 100) { totalCount } }`);
    // The seed names officials of these two (other tests may add more through the API).
    expect(ids(data.officials)).toEqual(expect.arrayContaining(['ban-chi-dao-ttdn-thua-thien-hue', 'ban-chi-dao-ttdn-tw']));
    expect(ids(data.officials)).not.toContain('ban-chi-dao-ttdn-ha-nam');
    expect(data.active.totalCount).toBe(25);
    expect(data.idle.totalCount).toBe(18);
  });

  it('refuses committee filters that cannot be met together, naming them', async () => {
    const central = await graphql('{ committees(filter: { level: CENTRAL, region: NORTH }) { totalCount } }');
    expect(central.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(central.body.errors?.[0]?.message).toContain('CENTRAL cannot be combined with region');
    const elsewhere = await graphql('{ committees(filter: { region: SOUTH, provinceCode: "thua-thien-hue" }) { totalCount } }');
    expect(elsewhere.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(elsewhere.body.errors?.[0]?.message).toContain('"thua-thien-hue" is in region CENTRAL, not SOUTH');
    // A consistent pair still answers.
    expect((await ask('{ committees(filter: { region: CENTRAL, provinceCode: "thua-thien-hue" }) { totalCount } }')).committees.totalCount).toBe(1);
  });
});

describe('counting, in one request', () => {
  it('counts events per year (bounded ones apart), per kind, per organizer and participations per person', async () => {
    const data = await ask(`{ eventStatistics { perYear { year count dated fromBounds } uncertainYear unknownYear perKind { kind count }
      perOrganizer { committee { id } count } participationsPerPerson { person { id fullName } count } } }`);
    const stats = data.eventStatistics;
    // The 2020 session and the Huế review (held in 2019 by its sources) count in their years from their bounds;
    // the northern briefing (10 November, no year, no bounds) is unknown.
    expect(stats.perYear).toEqual(expect.arrayContaining([
      { year: 2019, count: expect.any(Number), dated: expect.any(Number), fromBounds: 1 },
      { year: 2020, count: expect.any(Number), dated: expect.any(Number), fromBounds: 1 },
      { year: 2023, count: expect.any(Number), dated: expect.any(Number), fromBounds: 0 },
    ]));
    expect(stats.unknownYear).toBeGreaterThanOrEqual(1);
    expect(stats.perKind.find((k: { kind: string }) => k.kind === 'REVIEW_MEETING').count).toBeGreaterThanOrEqual(2);
    expect(stats.perOrganizer[0].committee.id).toBe('ban-chi-dao-ttdn-tw');
    expect(stats.participationsPerPerson.find((p: { person: { id: string } }) => p.person.id === 'ngo-thi-thanh-hang')).toMatchObject({ count: 1, person: { fullName: 'Ngô Thị Thanh Hằng' } });
  });

  it('adds every event once across years and participations per committee, in the same request', async () => {
    const data = await ask(`{ eventStatistics { total perYear { count } uncertainYear unknownYear participationsPerCommittee { committee { id level } count } }
      all: events(first: 1) { totalCount } }`);
    const stats = data.eventStatistics;
    const inYears = stats.perYear.reduce((sum: number, year: { count: number }) => sum + year.count, 0);
    expect(inYears + stats.uncertainYear + stats.unknownYear).toBe(stats.total);
    expect(stats.total).toBe(data.all.totalCount);
    // Each of the 25 northern committees took part in the northern briefing.
    expect(stats.participationsPerCommittee.find((c: { committee: { id: string } }) => c.committee.id === 'ban-chi-dao-ttdn-hai-phong')).toMatchObject({ count: 1, committee: { level: 'PROVINCIAL' } });
  });

  it('counts committees per region with and without events, and events per region, across subgraphs', async () => {
    const data = await ask('{ committeeStatistics { perRegion { region committees withEvents withoutEvents events } } }');
    const byRegion = Object.fromEntries(data.committeeStatistics.perRegion.map((r: { region: string }) => [r.region, r]));
    expect(Object.keys(byRegion).sort()).toEqual(['CENTRAL', 'NORTH', 'SOUTH']);
    // All 25 northern committees attended the northern briefing, held in Hà Nội like the 2023 conference.
    expect(byRegion.NORTH).toMatchObject({ committees: 25, withEvents: 25, withoutEvents: 0 });
    expect(byRegion.NORTH.events).toBeGreaterThanOrEqual(2);
    // Of the central region only Thừa Thiên Huế's committee held a meeting the sources report.
    expect(byRegion.CENTRAL).toMatchObject({ committees: 19, withEvents: 1, withoutEvents: 18 });
    expect(byRegion.CENTRAL.events).toBeGreaterThanOrEqual(1);
    expect(byRegion.SOUTH.committees).toBe(19);
    for (const region of Object.values(byRegion) as Array<{ committees: number; withEvents: number; withoutEvents: number }>) {
      expect(region.withEvents + region.withoutEvents).toBe(region.committees);
    }
  });

  it("counts a region's events as the union of its committees' and its provinces' events, each once", async () => {
    const data = await ask(`{
      committeeStatistics { perRegion { region withEvents events } }
      eventStatistics {
        eventsPerCommittee { committee { id archivedAt province { region } } eventIds }
        eventsPerProvince { province { region } eventIds }
        involvementsPerCommittee { committee { id } count }
      }
    }`);
    type PerCommittee = { committee: { id: string; archivedAt: string | null; province: { region: string } | null } | null; eventIds: string[] };
    type PerProvince = { province: { region: string } | null; eventIds: string[] };
    const { eventsPerCommittee, eventsPerProvince, involvementsPerCommittee } = data.eventStatistics as {
      eventsPerCommittee: PerCommittee[];
      eventsPerProvince: PerProvince[];
      involvementsPerCommittee: Array<{ committee: { id: string }; count: number }>;
    };
    // The per-committee counts are the per-committee event lists' lengths.
    expect(Object.fromEntries(involvementsPerCommittee.map((row) => [row.committee.id, row.count]))).toEqual(
      Object.fromEntries(eventsPerCommittee.map((row) => [row.committee!.id, row.eventIds.length])),
    );
    expect(data.committeeStatistics.perRegion.length).toBe(3);
    for (const { region, withEvents, events } of data.committeeStatistics.perRegion as Array<{ region: string; withEvents: number; events: number }>) {
      const own = eventsPerCommittee.filter((row) => row.committee && row.committee.archivedAt == null && row.committee.province?.region === region);
      const union = new Set([...own.flatMap((row) => row.eventIds), ...eventsPerProvince.filter((row) => row.province?.region === region).flatMap((row) => row.eventIds)]);
      expect(events, region).toBe(union.size);
      expect(withEvents, region).toBe(own.filter((row) => row.eventIds.length > 0).length);
    }
  });

  it('refuses eventsInvolving with more ids than it takes, naming the argument', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `c-${i}`);
    const { body } = await graphql('query ($ids: [ID!]!) { eventStatistics { eventsInvolving(committeeIds: $ids) } }', { variables: { ids } });
    expect(body.errors?.[0]?.message).toContain('committeeIds');
    expect(body.errors?.[0]?.message).toContain('at most 1000');
  });

  it('counts documents per year of publication and per publisher', async () => {
    const data = await ask('{ documentStatistics { total perYear { year count } unknownYear perPublisher { publisher count } unknownPublisher } all: documents(first: 1) { totalCount } }');
    const stats = data.documentStatistics;
    expect(stats.total).toBe(data.all.totalCount);
    // Of the five source documents only the 2023 report states its date (12/10/2023).
    expect(stats.total).toBeGreaterThanOrEqual(5);
    expect(stats.perYear.find((y: { year: number }) => y.year === 2023)?.count).toBeGreaterThanOrEqual(1);
    const dated = stats.perYear.reduce((sum: number, y: { count: number }) => sum + y.count, 0);
    expect(dated + stats.unknownYear).toBe(stats.total);
    const published = stats.perPublisher.reduce((sum: number, p: { count: number }) => sum + p.count, 0);
    expect(published + stats.unknownPublisher).toBe(stats.total);
  });
});

describe("the analysts' guide", () => {
  /** The queries of docs/analysts.md: each starts at the beginning of a line inside a graphql block. */
  const guide = readFileSync(new URL('../docs/analysts.md', import.meta.url), 'utf8');
  const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((block) =>
    block[1]!
      .split(/\n(?=[{#])/)
      .map((part) => part.replace(/^#.*$/gm, '').trim())
      .filter(Boolean),
  );

  it('has examples, and every one of them is answered without an error', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const example of examples) {
      const { body } = await graphql(example);
      expect(body.errors, `${example}\n${JSON.stringify(body.errors)}`).toBeUndefined();
    }
  });
});
