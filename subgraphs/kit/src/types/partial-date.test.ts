import { describe, expect, it } from 'vitest';
import { dateSortKey, isoDate, partialDateProblem } from './partial-date.js';

describe('partial dates', () => {
  it.each([
    [{ month: 11, day: 10 }, null],
    [{ year: 2023 }, null],
    [{ month: 2, day: 29 }, null],
    [{ year: 2024, month: 2, day: 29 }, null],
    [{ year: 2023, month: 2, day: 29 }, 'day 29 does not exist in month 2 of 2023'],
    [{ month: 2, day: 30 }, 'day 30 does not exist in month 2'],
    [{ month: 13 }, 'month 13 is not from 1 to 12'],
    [{ day: 5 }, 'a day needs its month'],
    [{ year: 20 }, 'year 20 is not a four-digit year'],
    // A meeting whose source gives no date at all: every part unknown, which is a fact too.
    [{}, null],
  ])('%j → %s', (date, problem) => {
    expect(partialDateProblem(date)).toBe(problem);
  });

  it('has an ISO form only when complete', () => {
    expect(isoDate({ year: 2023, month: 10, day: 11 })).toBe('2023-10-11');
    expect(isoDate({ month: 10, day: 11 })).toBeUndefined();
  });

  it('sorts unknown years after every known one', () => {
    const keys = [{ month: 1 }, { year: 2023, month: 10, day: 11 }, { year: 2020 }, { year: 2020, month: 7 }].map(dateSortKey).sort();
    expect(keys).toEqual(['0-2020-00-00', '0-2020-07-00', '0-2023-10-11', '9-01-00']);
  });
});
