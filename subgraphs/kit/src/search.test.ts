import { describe, expect, it } from 'vitest';
import { foldText, searchFilter, searchTokens } from './search.js';

describe('foldText', () => {
  it.each([
    ['thông tin đối ngoại', 'thong tin doi ngoai'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['ĐỐI NGOẠI', 'doi ngoai'],
    ['Ngô Thị Thanh Hằng', 'ngo thi thanh hang'],
    ['Phạm Văn Linh', 'pham van linh'],
    ['Võ Văn Phuông', 'vo van phuong'],
    ['Kết luận số 57-KL/TW', 'ket luan so 57-kl/tw'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('treats decomposed and composed input alike', () => {
    expect(foldText('Hu\u0065\u0302\u0301')).toBe(foldText('Huế'));
  });
});

describe('searchTokens', () => {
  it('splits on punctuation and drops duplicates', () => {
    expect(searchTokens('Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư', 'Ban chỉ đạo')).toEqual([
      'ban', 'chi', 'dao', 'cong', 'tac', 'thong', 'tin', 'doi', 'ngoai', 't', 'u',
    ]);
  });

  it('ignores empty and missing texts', () => {
    expect(searchTokens(undefined, null, '  ', '—')).toEqual([]);
  });
});

describe('searchFilter', () => {
  it('requires every token of the query', () => {
    expect(searchFilter('DOI NGOAI')).toEqual({ searchTokens: { $all: ['doi', 'ngoai'] } });
  });

  it('has no filter for a query without letters or digits', () => {
    expect(searchFilter('  ,, ')).toBeUndefined();
  });
});
