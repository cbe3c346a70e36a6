import { describe, expect, it } from 'vitest';
import { containsPhrase, foldedWords, foldText, parseSearch, relevance, searchFilter, searchTokens, snippet } from './search.js';

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

describe('phrases, snippets and relevance', () => {
  it('reads words and quoted phrases, folded', () => {
    expect(parseSearch('Báo chí "nước ngoài"')).toEqual({ tokens: ['bao', 'chi', 'nuoc', 'ngoai'], phrases: [['nuoc', 'ngoai']] });
  });

  it('refuses an unmatched quote and an empty phrase, naming the field', () => {
    expect(() => parseSearch('"bao chi')).toThrow('search: has an unmatched quote');
    expect(() => parseSearch('lao ""')).toThrow('search: has an empty phrase');
  });

  it('matches a phrase only in order', () => {
    const words = foldedWords('vai trò của báo chí nước ngoài, các cơ quan');
    expect(containsPhrase(words, ['bao', 'chi', 'nuoc', 'ngoai'])).toBe(true);
    expect(containsPhrase(foldedWords('nước ngoài và báo chí'), ['bao', 'chi', 'nuoc', 'ngoai'])).toBe(false);
  });

  it('cuts a snippet around the match in the original spelling', () => {
    const text = `${'Mở đầu. '.repeat(30)}Tận dụng tốt hơn nữa vai trò quan trọng của báo chí nước ngoài trong việc quảng bá du lịch.${' Kết thúc.'.repeat(30)}`;
    const piece = snippet(text, parseSearch('"bao chi nuoc ngoai"'), 20)!;
    expect(piece).toContain('báo chí nước ngoài');
    expect(piece.startsWith('…')).toBe(true);
    expect(piece.endsWith('…')).toBe(true);
    expect(piece.length).toBeLessThan(90);
  });

  it('ranks title words above text words', () => {
    const search = parseSearch('lao');
    expect(relevance(search, 'Quan hệ với Lào', 'nước bạn Lào')).toBeGreaterThan(relevance(search, 'Khác', 'nước bạn Lào'));
  });
});
