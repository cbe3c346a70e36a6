import { describe, expect, it } from 'vitest';
import { facts, type Facts } from './facts/index.js';
import { SeedError, validateFacts } from './validate.js';

/** The real seed with one change, to check that the validator catches it. */
function withChange(change: (copy: Facts) => void): Facts {
  const copy = structuredClone(facts);
  change(copy);
  return copy;
}

function problemsOf(bad: Facts): string[] {
  try {
    validateFacts(bad);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError);
    return [...(error as SeedError).problems];
  }
  throw new Error('the validator accepted a broken seed');
}

describe('the seed', () => {
  it('as written is valid', () => {
    expect(() => validateFacts(facts)).not.toThrow();
  });

  it('has what domain.md rule 8 says: 63 provinces in 25/19/19, each with its committee', () => {
    const byRegion = (region: string) => facts.provinces.filter((p) => p.region === region).length;
    expect([facts.provinces.length, byRegion('NORTH'), byRegion('CENTRAL'), byRegion('SOUTH')]).toEqual([63, 25, 19, 19]);
    expect(facts.committees.filter((c) => c.level === 'PROVINCIAL').map((c) => c.provinceCode).sort()).toEqual(facts.provinces.map((p) => p.code).sort());
  });

  it('keeps names in Unicode NFC', () => {
    const strings = JSON.stringify(facts);
    expect(strings).toBe(strings.normalize('NFC'));
  });
});

describe('validation names the file, the record and the field', () => {
  it.each([
    ['an unknown reference', (f: Facts) => (f.events[0]!.organizerId = 'no-such-committee'), 'seed/src/facts/events.ts: events "giao-ban-ttdn-khu-vuc-phia-bac", field organizerId: refers to committees "no-such-committee"'],
    ['a missing name', (f: Facts) => (f.people[0]!.fullName = ' '), 'seed/src/facts/people.ts: people "vo-van-phuong", field fullName: is required'],
    ['a duplicate key', (f: Facts) => f.topics.push({ ...f.topics[0]! }), `seed/src/facts/topics.ts: topics "${facts.topics[0]!.code}", field code: duplicate key`],
    ['an impossible date', (f: Facts) => (f.events[3]!.date = { year: 2023, month: 2, day: 30 }), 'field date: day 30 does not exist in month 2 of 2023'],
    ['a month 13', (f: Facts) => (f.conclusions[0]!.issuedOn = { month: 13 }), 'seed/src/facts/conclusions.ts: conclusions "57-kl-tw", field issuedOn: month 13 is not from 1 to 12'],
    ['an unknown participant', (f: Facts) => f.events[0]!.participants.push({ roles: ['CHAIR'], personId: 'nobody' }), `field participants[${facts.events[0]!.participants.length}].personId: refers to people "nobody"`],
    ['a participant without a role', (f: Facts) => f.events[0]!.participants.push({ roles: [], personId: 'pham-van-linh' }), 'roles: must name at least one role'],
    ['a position in two bodies', (f: Facts) => (f.positions[0]!.committeeId = 'ban-chi-dao-ttdn-tw'), 'field committeeId/agencyId: a position is held in exactly one committee or one agency'],
    ['a name form its passage does not contain', (f: Facts) => (f.agencies.find((a) => a.id === 'ban-tuyen-giao-tw')!.nameForms![0]!.passage = 'Ban Tuyên giáo Tỉnh ủy'), 'agencies "ban-tuyen-giao-tw", field nameForms[0].passage: must be the source\'s words around the form and contain "Ban Tuyên giáo T.Ư"'],
    ['a name form from an unknown document', (f: Facts) => (f.committees[0]!.nameForms![0]!.source = 'doc-khong-co'), 'field nameForms[0].source: refers to documents "doc-khong-co"'],
    ['an exception that does not begin with its form', (f: Facts) => (f.committees[0]!.nameForms![1]!.except = ['các tỉnh, thành phố']), 'field nameForms[1].except: "các tỉnh, thành phố" must be a longer phrase that begins with the form'],
    ['a record without sources', (f: Facts) => (f.events[0]!.sources = []), 'field sources: every record says which documents state it'],
  ])('%s', (_, change, expected) => {
    const problems = problemsOf(withChange(change as (f: Facts) => void));
    expect(problems.some((problem) => problem.includes(expected)), problems.join('\n')).toBe(true);
  });
});
