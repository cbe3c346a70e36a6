/**
 * The synthetic data set: what `hub generate` writes, as the documents the subgraphs store.
 *
 * Every record is built as an instance of the subgraph's own entity class and passed through its
 * `refresh()`, exactly as the seed and the API do, so search tokens, sort keys, reference ids and
 * versions are what the subgraphs expect. Every record also carries `synthetic: true` and, where
 * the entity has sources, the source document `synthetic`, which says what the data set is.
 *
 * Ids are derived from positions (`synthetic-event-000042`) and every random choice comes from a
 * seeded stream per collection, so one (scale, seed) pair always gives the same documents.
 * Collections are produced lazily, a record at a time: scale 10 never sits in memory at once.
 */
import { Agency, AgencyKind, Committee, CommitteeLevel, Person, Position, PositionRole, Province, Region } from '@hub/organization';
import { Event, EventKind, ParticipantRole } from '@hub/events';
import { Conclusion, SourceDocument, Strategy, Topic } from '@hub/knowledge';
import { streamFor, type Random } from './random.js';

export type SubgraphName = 'organization' | 'events' | 'knowledge';

/** One collection of the data set: how many records, and the records themselves, made on demand. */
export interface SyntheticCollection {
  readonly subgraph: SubgraphName;
  readonly entity: Function;
  readonly collection: string;
  readonly count: number;
  documents(): Iterable<Record<string, unknown>>;
}

/** The marker every generated record carries, and the source document that explains it. */
export const SYNTHETIC_SOURCE = 'synthetic';

/** The first and last year of the generated meetings: ten years. */
const FIRST_YEAR = 2016;
const YEARS = 10;

/** The sizes of the data set at a scale; scale 1 is the reference size. */
export function datasetSizes(scale: number) {
  const provinces = Math.max(1, Math.round(63 * scale));
  const committees = provinces + 1;
  return {
    provinces,
    committees,
    agencies: Math.max(2, Math.round(200 * scale)),
    // Every committee has a head and a standing deputy in each of its two terms.
    people: Math.max(4 * committees, Math.round(5000 * scale)),
    events: Math.max(1, Math.round(15000 * scale)),
    documents: Math.max(1, Math.round(1000 * scale)),
    conclusions: Math.max(1, Math.round(100 * scale)),
    strategies: Math.max(1, Math.round(10 * scale)),
    topics: 20,
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const id = (kind: string, n: number) => `synthetic-${kind}-${pad(n + 1, 6)}`;

/** A value as it is stored: plain objects and arrays, no undefined fields (what JSON would keep, without its cost). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = plain(field);
  }
  return out;
}

/**
 * When every generated record was last "changed", as `changedAt` (which lists filtered by
 * `changedSince` compare): one fixed instant, so the data set stays the same on every run.
 */
export const SYNTHETIC_CHANGED_AT = new Date('2026-01-01T00:00:00.000Z');

/** An instance's stored document: derived fields computed, own fields only, marked synthetic. */
function stored(instance: object): Record<string, unknown> {
  (instance as { refresh?: () => unknown }).refresh?.();
  const document = plain(instance) as Record<string, unknown>;
  document.synthetic = true;
  document.changedAt = SYNTHETIC_CHANGED_AT;
  return document;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Thu', 'Công', 'Hồng'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Yến'];
const AGENCY_KINDS = [
  { kind: AgencyKind.MINISTRY, name: 'Bộ Mẫu' },
  { kind: AgencyKind.PRESS, name: 'Báo Mẫu' },
  { kind: AgencyKind.DEPARTMENT, name: 'Sở Thông tin Mẫu' },
  { kind: AgencyKind.PARTY_BODY, name: 'Ban Mẫu' },
  { kind: AgencyKind.FOREIGN_MISSION, name: 'Cơ quan đại diện Mẫu' },
];
const TOPICS = [
  'biển đảo', 'biên giới', 'nhân quyền', 'tôn giáo', 'kinh tế đối ngoại', 'du lịch', 'văn hóa', 'báo chí nước ngoài', 'người Việt Nam ở nước ngoài', 'mạng xã hội',
  'hội nhập quốc tế', 'quảng bá hình ảnh', 'đầu tư nước ngoài', 'an ninh mạng', 'giáo dục', 'môi trường', 'y tế', 'khoa học công nghệ', 'thể thao', 'di sản',
];
const TASKS = [
  'Tăng cường thông tin đối ngoại trên mạng xã hội',
  'Nâng cao chất lượng sản phẩm thông tin đối ngoại bằng tiếng nước ngoài',
  'Phối hợp cung cấp thông tin cho phóng viên nước ngoài',
  'Quảng bá hình ảnh địa phương tới bạn bè quốc tế',
  'Đấu tranh phản bác thông tin sai lệch',
  'Bồi dưỡng nghiệp vụ cho đội ngũ làm công tác thông tin đối ngoại',
  'Thông tin về chủ quyền biển, đảo',
  'Xây dựng kế hoạch thông tin đối ngoại năm tiếp theo',
];
const SENTENCES = [
  'Hội nghị đánh giá kết quả công tác thông tin đối ngoại trong {period} và đề ra nhiệm vụ thời gian tới.',
  'Các đại biểu thảo luận về {topic} và thống nhất nhiều giải pháp phối hợp.',
  '{body} đã xuất bản {n} sản phẩm thông tin đối ngoại bằng nhiều thứ tiếng.',
  'Báo cáo nêu rõ những hạn chế trong việc cung cấp thông tin về {topic}.',
  'Lãnh đạo {body} đề nghị tăng cường phối hợp với cơ quan báo chí trong và ngoài nước.',
  'Trong {period}, đã tổ chức {n} đoàn phóng viên nước ngoài đến tìm hiểu về {topic}.',
  'Dữ liệu trong văn bản này là dữ liệu tổng hợp, sinh tự động để thử nghiệm.',
];
const PUBLISHERS = ['Báo Mẫu Điện tử', 'Cổng thông tin Mẫu', 'Tạp chí Thử nghiệm', 'Thông tấn Mẫu'];

/** The whole data set for a scale and a seed, collection by collection, in writing order. */
export function syntheticDataset(scale: number, seed: number): SyntheticCollection[] {
  const sizes = datasetSizes(scale);
  const rng = (part: string) => streamFor(seed, part);
  const provinceId = (p: number) => id('province', p);
  const committeeId = (c: number) => (c === 0 ? 'synthetic-committee-central' : id('committee', c - 1));
  const committeeName = (c: number) => (c === 0 ? 'Ban Chỉ đạo Trung ương (mẫu)' : `Ban Chỉ đạo tỉnh Mẫu ${pad(c, 2)}`);
  const agencyId = (a: number) => id('agency', a);
  const personId = (p: number) => id('person', p);
  const documentId = (d: number) => id('document', d);
  const conclusionId = (k: number) => id('conclusion', k);
  const strategyId = (s: number) => id('strategy', s);
  const topicId = (t: number) => id('topic', t);
  const personName = (p: number) => {
    const r = rng(`name-${p}`);
    return `${r.pick(FAMILY)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
  };
  // People 0 … 4·committees−1 lead the committees (head and standing deputy, two terms each);
  // of the rest, every third works in an agency, the others sit on a committee.
  const leaders = 4 * sizes.committees;
  const agencyPeople = Math.max(1, Math.floor((sizes.people - leaders) / 3));
  const headOf = (c: number, term: number) => 4 * c + 2 * term;
  const agencyPerson = (r: number) => leaders + 3 * (r % agencyPeople);
  const date = (r: Random) => {
    const year = FIRST_YEAR + r.int(0, YEARS - 1);
    const month = r.int(1, 12);
    return { year, month, day: r.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate()) };
  };
  const since = (term: number) => ({ year: FIRST_YEAR + 5 * term, month: 1, day: 1 });
  const until = (term: number) => ({ year: FIRST_YEAR + 5 * term + 4, month: 12, day: 31 });

  function* provinces() {
    const regions = [Region.NORTH, Region.CENTRAL, Region.SOUTH];
    for (let p = 0; p < sizes.provinces; p += 1) {
      yield stored(Object.assign(new Province(), { _id: provinceId(p), code: provinceId(p), name: `Tỉnh Mẫu ${pad(p + 1, 2)}`, region: regions[p % 3]! }));
    }
  }
  function* committees() {
    for (let c = 0; c < sizes.committees; c += 1) {
      const r = rng(`committee-${c}`);
      yield stored(
        Object.assign(new Committee(), {
          _id: committeeId(c),
          code: committeeId(c),
          name: committeeName(c),
          level: c === 0 ? CommitteeLevel.CENTRAL : CommitteeLevel.PROVINCIAL,
          provinceCode: c === 0 ? undefined : provinceId(c - 1),
          parentId: c === 0 ? undefined : committeeId(0),
          memberAgencyIds: r.sample(Array.from({ length: sizes.agencies }, (_, a) => agencyId(a)), 5),
          sources: [SYNTHETIC_SOURCE],
        }),
      );
    }
  }
  function* agencies() {
    for (let a = 0; a < sizes.agencies; a += 1) {
      const { kind, name } = AGENCY_KINDS[a % AGENCY_KINDS.length]!;
      yield stored(
        Object.assign(new Agency(), {
          _id: agencyId(a),
          code: agencyId(a),
          name: `${name} ${pad(a + 1, 3)}`,
          kind,
          provinceCode: kind === AgencyKind.DEPARTMENT ? provinceId(a % sizes.provinces) : undefined,
          sources: [SYNTHETIC_SOURCE],
        }),
      );
    }
  }
  function* people() {
    for (let p = 0; p < sizes.people; p += 1) {
      yield stored(Object.assign(new Person(), { _id: personId(p), fullName: personName(p), sources: [SYNTHETIC_SOURCE] }));
    }
  }
  /** Each person's dated titles: leaders one per term, others one, sometimes re-appointed with a new title. */
  function positionsOf(p: number) {
    const r = rng(`positions-${p}`);
    const held: Array<{ organization: { committeeId?: string; agencyId?: string }; title: string; role: PositionRole; term: number }> = [];
    if (p < leaders) {
      const committee = Math.floor(p / 4);
      const term = Math.floor(p / 2) % 2;
      const head = p % 2 === 0;
      held.push({ organization: { committeeId: committeeId(committee) }, title: head ? 'Trưởng ban Chỉ đạo' : 'Phó Trưởng ban Thường trực', role: head ? PositionRole.HEAD : PositionRole.STANDING_DEPUTY_HEAD, term });
    } else {
      const k = p - leaders;
      const organization = k % 3 === 0 ? { agencyId: agencyId(Math.floor(k / 3) % sizes.agencies) } : { committeeId: committeeId(k % sizes.committees) };
      const first = organization.agencyId ? { title: 'Phó Giám đốc', role: PositionRole.DEPUTY_HEAD } : { title: 'Ủy viên', role: PositionRole.MEMBER };
      const term = k % 2;
      held.push({ organization, ...first, term });
      if (term === 0 && r.chance(0.8)) {
        held.push({ organization, ...(organization.agencyId ? { title: 'Giám đốc', role: PositionRole.HEAD } : { title: 'Ủy viên Thường trực', role: PositionRole.MEMBER }), term: 1 });
      }
    }
    return held;
  }
  function* positions() {
    for (let p = 0; p < sizes.people; p += 1) {
      for (const { organization, title, role, term } of positionsOf(p)) {
        yield stored(
          Object.assign(new Position(), {
            _id: Position.idFor(personId(p), (organization.committeeId ?? organization.agencyId)!, title),
            personId: personId(p),
            ...organization,
            title,
            role,
            since: since(term),
            until: until(term),
            attestedOn: [],
            sources: [SYNTHETIC_SOURCE],
          }),
        );
      }
    }
  }
  let positionCount = 0;
  for (let p = 0; p < sizes.people; p += 1) positionCount += positionsOf(p).length;

  const KIND_WEIGHTS: Array<[EventKind, number]> = [
    [EventKind.BRIEFING, 0.5],
    [EventKind.CONFERENCE, 0.3],
    [EventKind.REVIEW_MEETING, 0.15],
    [EventKind.NATIONAL_CONFERENCE, 0.05],
  ];
  /** Each event's participants: the organizer's head and deputy, speakers from agencies, attending bodies. */
  function eventRecord(e: number) {
    const r = rng(`event-${e}`);
    const organizer = e % sizes.committees;
    const when = date(r);
    const term = when.year < FIRST_YEAR + 5 ? 0 : 1;
    let roll = r.next();
    let kind = EventKind.BRIEFING;
    for (const [candidate, weight] of KIND_WEIGHTS) {
      if (roll < weight) {
        kind = candidate;
        break;
      }
      roll -= weight;
    }
    const head = headOf(organizer, term);
    const concluding = r.chance(0.3);
    const participants: Array<Record<string, unknown>> = [
      { roles: concluding ? [ParticipantRole.CHAIR, ParticipantRole.CONCLUDING_REMARKS] : [ParticipantRole.CHAIR], title: 'Trưởng ban Chỉ đạo', personId: personId(head), committeeId: committeeId(organizer) },
      { roles: [ParticipantRole.REPORTER], title: 'Phó Trưởng ban Thường trực', personId: personId(head + 1), committeeId: committeeId(organizer) },
    ];
    const speakers = new Set<number>();
    for (let s = r.int(1, 3); s > 0; s -= 1) speakers.add(agencyPerson(r.int(0, agencyPeople - 1)));
    for (const speaker of speakers) {
      const k = speaker - leaders;
      participants.push({ roles: [ParticipantRole.SPEAKER], title: 'Phó Giám đốc', personId: personId(speaker), agencyId: agencyId(Math.floor(k / 3) % sizes.agencies) });
    }
    const others = Array.from({ length: sizes.committees }, (_, c) => c).filter((c) => c !== organizer);
    const attending = r.sample(others, r.int(2, 6));
    for (const c of attending) participants.push({ roles: [ParticipantRole.ATTENDEE], committeeId: committeeId(c) });
    for (const a of r.sample(Array.from({ length: Math.min(sizes.agencies, 50) }, (_, a) => a), r.int(1, 3))) {
      participants.push({ roles: [ParticipantRole.ATTENDEE], agencyId: agencyId(a) });
    }
    const province = organizer === 0 ? undefined : organizer - 1;
    const where = province === undefined ? 'Hà Nội' : `Tỉnh Mẫu ${pad(province + 1, 2)}`;
    const label = { [EventKind.BRIEFING]: `Giao ban công tác thông tin đối ngoại tháng ${when.month}/${when.year}`, [EventKind.CONFERENCE]: `Hội nghị triển khai công tác thông tin đối ngoại năm ${when.year}`, [EventKind.REVIEW_MEETING]: `Hội nghị sơ kết công tác thông tin đối ngoại 6 tháng đầu năm ${when.year}`, [EventKind.NATIONAL_CONFERENCE]: `Hội nghị toàn quốc về công tác thông tin đối ngoại năm ${when.year}`, [EventKind.OTHER]: '' }[kind];
    const event = Object.assign(new Event(), {
      _id: id('event', e),
      title: `${label} — ${committeeName(organizer)} [dữ liệu tổng hợp]`,
      kind,
      date: when,
      location: where,
      provinceCode: province === undefined ? undefined : provinceId(province),
      relatedProvinceCodes: [...new Set(attending.filter((c) => c > 0).map((c) => provinceId(c - 1)))],
      organizerId: committeeId(organizer),
      participants,
      bridgePoints: kind === EventKind.NATIONAL_CONFERENCE ? r.int(10, 63) : undefined,
      reviewPeriod: kind === EventKind.REVIEW_MEETING ? { from: { year: when.year, month: 1 }, to: { year: when.year, month: 6 } } : undefined,
      tasks: r.sample(TASKS, r.int(2, 4)),
      conclusionIds: r.chance(0.3) ? [conclusionId(r.int(0, sizes.conclusions - 1))] : [],
      strategyIds: r.chance(0.2) ? [strategyId(r.int(0, sizes.strategies - 1))] : [],
      sources: [SYNTHETIC_SOURCE, documentId(r.int(0, sizes.documents - 1))],
    });
    return stored(event);
  }
  function* events() {
    for (let e = 0; e < sizes.events; e += 1) yield eventRecord(e);
  }
  function* topics() {
    for (let t = 0; t < sizes.topics; t += 1) yield stored(Object.assign(new Topic(), { _id: topicId(t), name: `${TOPICS[t]!} (mẫu)` }));
  }
  function* strategies() {
    for (let s = 0; s < sizes.strategies; s += 1) {
      const r = rng(`strategy-${s}`);
      const startYear = 2011 + 5 * (s % 4);
      yield stored(
        Object.assign(new Strategy(), {
          _id: strategyId(s),
          code: strategyId(s),
          title: `Chiến lược thông tin đối ngoại mẫu số ${s + 1} giai đoạn ${startYear}–${startYear + 9} [dữ liệu tổng hợp]`,
          startYear,
          endYear: startYear + 9,
          predecessorId: s >= 4 ? strategyId(s - 4) : undefined,
          topics: r.sample(Array.from({ length: sizes.topics }, (_, t) => topicId(t)), 3),
          sources: [SYNTHETIC_SOURCE],
        }),
      );
    }
  }
  function* conclusions() {
    for (let k = 0; k < sizes.conclusions; k += 1) {
      const r = rng(`conclusion-${k}`);
      const issued = date(r);
      yield stored(
        Object.assign(new Conclusion(), {
          _id: conclusionId(k),
          number: `${k + 1}-KL/MAU`,
          title: `Kết luận mẫu số ${k + 1} về công tác thông tin đối ngoại [dữ liệu tổng hợp]`,
          issuedOn: issued,
          summary: `Kết luận tổng hợp về ${r.pick(TOPICS)} và ${r.pick(TOPICS)}.`,
          strategyId: r.chance(0.7) ? strategyId(r.int(0, sizes.strategies - 1)) : undefined,
          topics: r.sample(Array.from({ length: sizes.topics }, (_, t) => topicId(t)), r.int(1, 3)),
          sources: [SYNTHETIC_SOURCE],
        }),
      );
    }
  }
  function* documents() {
    yield stored(
      Object.assign(new SourceDocument(), {
        _id: SYNTHETIC_SOURCE,
        title: 'Bộ dữ liệu tổng hợp (synthetic data set)',
        language: 'vi',
        summary: `Generated by hub generate at scale ${scale} with seed ${seed}: every record here is invented, for testing and measuring only.`,
        mentions: [],
      }),
    );
    for (let d = 0; d < sizes.documents; d += 1) {
      const r = rng(`document-${d}`);
      const published = date(r);
      const fill = (sentence: string) =>
        sentence
          .replace('{period}', `năm ${published.year}`)
          .replace(/\{topic\}/g, () => r.pick(TOPICS))
          .replace('{body}', committeeName(r.int(0, sizes.committees - 1)))
          .replace('{n}', String(r.int(2, 200)));
      const paragraphs = Array.from({ length: r.int(3, 6) }, () => Array.from({ length: r.int(3, 6) }, () => fill(r.pick(SENTENCES))).join(' '));
      yield stored(
        Object.assign(new SourceDocument(), {
          _id: documentId(d),
          title: `Bản tin thông tin đối ngoại mẫu số ${d + 1} [dữ liệu tổng hợp]`,
          publisher: r.pick(PUBLISHERS),
          author: r.chance(0.5) ? personName(r.int(0, sizes.people - 1)) : undefined,
          publishedOn: published,
          language: 'vi',
          summary: `Bản tin tổng hợp về ${r.pick(TOPICS)}.`,
          text: paragraphs.join('\n\n'),
          topics: r.sample(Array.from({ length: sizes.topics }, (_, t) => topicId(t)), r.int(1, 3)),
          mentions: [],
        }),
      );
    }
  }

  const collection = (subgraph: SubgraphName, entity: Function & { name: string }, name: string, count: number, documents: () => Iterable<Record<string, unknown>>): SyntheticCollection => ({
    subgraph,
    entity,
    collection: name,
    count,
    documents,
  });
  return [
    collection('organization', Province, 'provinces', sizes.provinces, provinces),
    collection('organization', Committee, 'committees', sizes.committees, committees),
    collection('organization', Agency, 'agencies', sizes.agencies, agencies),
    collection('organization', Person, 'people', sizes.people, people),
    collection('organization', Position, 'positions', positionCount, positions),
    collection('events', Event, 'events', sizes.events, events),
    collection('knowledge', Topic, 'topics', sizes.topics, topics),
    collection('knowledge', Strategy, 'strategies', sizes.strategies, strategies),
    collection('knowledge', Conclusion, 'conclusions', sizes.conclusions, conclusions),
    collection('knowledge', SourceDocument, 'documents', sizes.documents + 1, documents),
  ];
}
