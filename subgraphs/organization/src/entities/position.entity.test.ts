import { describe, expect, it } from 'vitest';
import { Person } from './person.entity.js';
import { Position } from './position.entity.js';

const position = (fields: Partial<Position>) => Object.assign(new Position(), { _id: 'p', attestedOn: [], attestedBetween: [], ...fields });

describe('Position.activeOn', () => {
  it('uses since and until when a source gives them', () => {
    const held = position({ since: { year: 2020, month: 7 }, until: { year: 2022 } } as Partial<Position>);
    expect(held.activeOn('2020-06-30')).toBe(false);
    expect(held.activeOn('2020-07-01')).toBe(true);
    expect(held.activeOn('2022-12-31')).toBe(true);
    expect(held.activeOn('2023-01-01')).toBe(false);
  });

  it('with no since/until, counts only the days a source shows it held: a dated meeting is that day alone', () => {
    const attested = position({ attestedOn: [{ year: 2023, month: 10, day: 11 }] } as Partial<Position>);
    expect(attested.activeOn('2023-10-11')).toBe(true);
    // Nothing is assumed about the days before or after the meeting.
    expect(attested.activeOn('2023-01-01')).toBe(false);
    expect(attested.activeOn('2023-12-31')).toBe(false);
    expect(position({}).activeOn('2023-01-01')).toBe(false);
  });

  it('counts every day of a month or a year when the source dates the meeting only so far', () => {
    const inMonth = position({ attestedOn: [{ year: 2019, month: 2 }] } as Partial<Position>);
    expect(inMonth.activeOn('2019-02-28')).toBe(true);
    expect(inMonth.activeOn('2019-03-01')).toBe(false);
    // A month and a day with no year (the northern briefing) fit no particular day.
    expect(position({ attestedOn: [{ month: 11, day: 10 }] } as Partial<Position>).activeOn('2019-11-10')).toBe(false);
  });

  it('counts the days an undated meeting may have been held on, by its bounds', () => {
    const bounded = position({ attestedOn: [{ text: 'kỳ họp sơ kết' }], attestedBetween: [{ earliest: '2020-07-01', latest: '2020-12-31', reasoning: 'r' }] } as Partial<Position>);
    expect(bounded.activeOn('2020-07-01')).toBe(true);
    expect(bounded.activeOn('2020-12-31')).toBe(true);
    expect(bounded.activeOn('2020-03-01')).toBe(false);
    expect(bounded.activeOn('2021-01-01')).toBe(false);
    // An open bound allows no particular day.
    expect(position({ attestedBetween: [{ earliest: '2019-01-01', reasoning: 'r' }] } as Partial<Position>).activeOn('2019-06-01')).toBe(false);
  });

  it('has a natural key from person, body and title', () => {
    expect(Position.idFor('pham-van-linh', 'ban-chi-dao-ttdn-tw', 'Phó Trưởng ban Thường trực')).toBe('pham-van-linh--ban-chi-dao-ttdn-tw--pho-truong-ban-thuong-truc');
  });
});

describe('Person', () => {
  it('sorts by the given name, the last word of a Vietnamese name', () => {
    const names = ['Phạm Văn Linh', 'Ngô Thị Thanh Hằng', 'Võ Văn Thưởng'].map((fullName, i) => Object.assign(new Person(), { _id: String(i), fullName }).refresh());
    expect(names.sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1)).map((p) => p.fullName)).toEqual(['Ngô Thị Thanh Hằng', 'Phạm Văn Linh', 'Võ Văn Thưởng']);
  });
});
