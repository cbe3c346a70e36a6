import { describe, expect, it } from 'vitest';
import { containsPhrase, foldedWords, foldText, indexTokens, parseSearch, relevance, searchFilter, searchTokens, snippet } from './search.js';

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
  it('splits on punctuation and drops duplicates, then adds each text\'s adjacent pairs', () => {
    expect(searchTokens('Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư', 'Ban chỉ đạo')).toEqual([
      'ban', 'chi', 'dao', 'cong', 'tac', 'thong', 'tin', 'doi', 'ngoai', 't', 'u',
      'ban chi', 'chi dao', 'dao cong', 'cong tac', 'tac thong', 'thong tin', 'tin doi', 'doi ngoai', 'ngoai t', 't u',
    ]);
  });

  it('never pairs the last word of one text with the first of the next', () => {
    expect(searchTokens('giao ban', 'phía bắc')).toEqual(['giao', 'ban', 'phia', 'bac', 'giao ban', 'phia bac']);
  });

  it('ignores empty and missing texts', () => {
    expect(searchTokens(undefined, null, '  ', '—')).toEqual([]);
  });
});

describe('searchFilter', () => {
  it('requires every token of the query', () => {
    expect(searchFilter('DOI NGOAI')).toEqual({ searchTokens: { $all: ['doi', 'ngoai'] } });
  });

  it('asks for a quoted phrase\'s adjacent pairs, so the database keeps only records with the words side by side', () => {
    expect(searchFilter('"giao ban" Hà Nội')).toEqual({ searchTokens: { $all: ['giao', 'ban', 'ha', 'noi', 'giao ban'] } });
    expect(indexTokens(parseSearch('"Ban Chỉ đạo Trung ương"'))).toEqual(['ban', 'chi', 'dao', 'trung', 'uong', 'ban chi', 'chi dao', 'dao trung', 'trung uong']);
  });

  it('finds a phrase among the tokens of a text that has it, and not of one with the words apart', () => {
    const wanted = indexTokens(parseSearch('"giao ban"'));
    const has = (text: string) => wanted.every((token) => searchTokens(text).includes(token));
    expect(has('Hội nghị giao ban công tác thông tin đối ngoại')).toBe(true);
    expect(has('Ban Chỉ đạo giao nhiệm vụ')).toBe(false);
  });

  it('refuses an unclosed quote, naming the argument', () => {
    expect(() => searchFilter('"giao ban')).toThrow('filter.search: has an unmatched quote');
    expect(() => searchFilter('""', 'filter.search')).toThrow('filter.search: has an empty phrase');
  });

  it('has no filter for a query without letters or digits', () => {
    expect(searchFilter('  ,, ')).toBeUndefined();
    expect(searchFilter(undefined)).toBeUndefined();
  });
});

describe('phrases, snippets and relevance', () => {
  it('reads words and quoted phrases, folded', () => {
    expect(parseSearch('Báo chí "nước ngoài"')).toEqual({ tokens: ['bao', 'chi', 'nuoc', 'ngoai'], phrases: [['nuoc', 'ngoai']], words: ['bao', 'chi', 'nuoc', 'ngoai'] });
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

  it('ranks the words side by side in query order far above the same words scattered', () => {
    const search = parseSearch('báo chí nước ngoài');
    const together = relevance(search, 'Tin', 'Tận dụng vai trò của báo chí nước ngoài.');
    const scattered = relevance(search, 'Tin', `Báo cáo kết quả. ${'Chỉ đạo kiều bào ở nước ngoài. '.repeat(20)}`);
    expect(together).toBeGreaterThan(10 * scattered);
  });

  it('cuts the snippet where the words stand together, not at their first scattered occurrence', () => {
    const text = `Báo cáo về kết quả, công tác chỉ đạo. ${'Câu khác không liên quan. '.repeat(20)}Tận dụng vai trò quan trọng của báo chí nước ngoài trong quảng bá.`;
    const piece = snippet(text, parseSearch('bao chi nuoc ngoai'), 20)!;
    expect(piece).toContain('báo chí nước ngoài');
    expect(piece).not.toContain('Báo cáo');
  });
});
