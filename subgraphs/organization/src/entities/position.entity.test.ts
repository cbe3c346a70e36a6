import { describe, expect, it } from 'vitest';
import { Person } from './person.entity.js';
import { Position } from './position.entity.js';

const position = (fields: Partial<Position>) => Object.assign(new Position(), { _id: 'p', attestedOn: [], ...fields });

describe('Position.activeOn', () => {
  it('uses since and until when a source gives them', () => {
    const held = position({ since: { year: 2020, month: 7 }, until: { year: 2022 } } as Partial<Position>);
    expect(held.activeOn('2020-06-30')).toBe(false);
    expect(held.activeOn('2020-07-01')).toBe(true);
    expect(held.activeOn('2022-12-31')).toBe(true);
    expect(held.activeOn('2023-01-01')).toBe(false);
  });

  it('with no bounds, counts only the years a source shows it held', () => {
    const attested = position({ attestedOn: [{ year: 2023, month: 10, day: 11 }] } as Partial<Position>);
    expect(attested.activeOn('2023-01-05')).toBe(true);
    expect(attested.activeOn('2020-06-01')).toBe(false);
    expect(position({}).activeOn('2023-01-01')).toBe(false);
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
