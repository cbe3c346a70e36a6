import { describe, expect, it } from 'vitest';
import { Event } from './event.entity.js';

const event = (id: string, date: Partial<Event['date']>, extra: Partial<Event> = {}) =>
  Object.assign(new Event(), { _id: id, title: id, kind: 'BRIEFING', date, ...extra }).refresh();

describe('Event derived fields', () => {
  it('sorts newest first with unknown years last, and oldest first with unknown years last', () => {
    const events = [event('undated', {}), event('nov-10', { month: 11, day: 10 }), event('y2020', { year: 2020 }), event('y2023', { year: 2023, month: 10, day: 11 })];
    const desc = [...events].sort((a, b) => (a.descKey < b.descKey ? 1 : -1)).map((e) => e._id);
    const asc = [...events].sort((a, b) => (a.ascKey < b.ascKey ? -1 : 1)).map((e) => e._id);
    expect(desc.slice(0, 2)).toEqual(['y2023', 'y2020']);
    expect(asc.slice(0, 2)).toEqual(['y2020', 'y2023']);
    expect(new Set(desc.slice(2))).toEqual(new Set(['undated', 'nov-10']));
    expect(new Set(asc.slice(2))).toEqual(new Set(['undated', 'nov-10']));
  });

  it('spans the days a partial date may mean, and none without a year', () => {
    expect(event('a', { year: 2020 })).toMatchObject({ earliestDay: '2020-01-01', latestDay: '2020-12-31' });
    expect(event('b', { year: 2024, month: 2 })).toMatchObject({ earliestDay: '2024-02-01', latestDay: '2024-02-29' });
    expect(event('c', { year: 2023, month: 10, day: 11 })).toMatchObject({ earliestDay: '2023-10-11', latestDay: '2023-10-11' });
    expect(event('d', { month: 11, day: 10 }).earliestDay).toBeUndefined();
  });

  it('collects everyone involved, for Committee.events, Agency.events and Person.events', () => {
    const e = event('e', { year: 2023 }, {
      organizerId: 'tw',
      participants: [
        { role: 'CHAIR', personId: 'p1', committeeId: 'tw', agencyId: 'a1' },
        { role: 'ATTENDEE', committeeId: 'ha-noi' },
        { role: 'SPEAKER', personId: 'p1', agencyId: 'a1' },
      ] as Event['participants'],
    });
    expect(e.committeeIds).toEqual(['tw', 'ha-noi']);
    expect(e.agencyIds).toEqual(['a1']);
    expect(e.personIds).toEqual(['p1']);
  });

  it('makes participants and tasks searchable without diacritics', () => {
    const e = event('f', {}, { title: 'Hội nghị giao ban', tasks: ['Đấu tranh phản bác'] });
    expect(e.searchTokens).toEqual(expect.arrayContaining(['hoi', 'nghi', 'giao', 'ban', 'dau', 'tranh']));
  });
});
