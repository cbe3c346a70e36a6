import { describe, expect, it } from 'vitest';
import { MentionKind } from './entities/mention.embeddable.js';
import { findMentions, spellings, type Named } from './mentions.js';

const central: Named = {
  kind: MentionKind.COMMITTEE,
  key: 'ban-chi-dao-ttdn-tw',
  name: 'Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương',
  match: [
    { form: 'Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương' },
    { form: 'Ban Chỉ đạo Công tác thông tin đối ngoại', onlyIn: 'doc-004', except: ['Ban Chỉ đạo Công tác thông tin đối ngoại từ Trung ương đến cơ sở'] },
  ],
};
const hue: Named = {
  kind: MentionKind.COMMITTEE,
  key: 'ban-chi-dao-ttdn-thua-thien-hue',
  name: 'Ban Chỉ đạo Công tác thông tin đối ngoại tỉnh Thừa Thiên Huế',
  match: [{ form: 'Ban Chỉ đạo Công tác thông tin đối ngoại tỉnh Thừa Thiên Huế' }, { form: 'Ban Chỉ đạo', onlyIn: 'doc-003' }],
};
const propaganda: Named = { kind: MentionKind.AGENCY, key: 'ban-tuyen-giao-tw', name: 'Ban Tuyên giáo Trung ương', match: [{ form: 'Ban Tuyên giáo Trung ương' }] };
const province: Named = { kind: MentionKind.PROVINCE, key: 'thua-thien-hue', name: 'Thừa Thiên Huế', match: [{ form: 'Thừa Thiên Huế' }] };
const names = [central, hue, propaganda, province];
const count = (text: string, documentId: string | undefined, key: string) => findMentions(text, names, documentId).find((m) => m.key === key)?.count ?? 0;

describe('mentions', () => {
  it('reads "Trung ương" in its abbreviations T.Ư, TƯ and TW', () => {
    expect(spellings('Ban Tuyên giáo Trung ương')).toEqual(['Ban Tuyên giáo Trung ương', 'Ban Tuyên giáo T.Ư', 'Ban Tuyên giáo TƯ', 'Ban Tuyên giáo TW']);
    const text = 'Võ Văn Phuông, Phó Trưởng Ban Tuyên giáo T.Ư; Phạm Văn Linh, Phó Trưởng Ban Tuyên giáo TƯ; Ban Tuyên giáo TW.';
    expect(count(text, undefined, 'ban-tuyen-giao-tw')).toBe(3);
  });

  it('never takes the word "từ" for the abbreviation TƯ, though both fold to "tu"', () => {
    expect(count('Ban Tuyên giáo từ năm 2015', undefined, 'ban-tuyen-giao-tw')).toBe(0);
  });

  it('counts a place once, for its longest form', () => {
    const text = 'Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương tổ chức hội nghị.';
    expect(findMentions(text, names, 'doc-004')).toEqual([expect.objectContaining({ key: 'ban-chi-dao-ttdn-tw', count: 1 })]);
  });

  it('uses a form limited to one document only in that document, and not in its exceptions', () => {
    const text = 'Ban Chỉ đạo Công tác thông tin đối ngoại tổ chức Hội nghị toàn quốc. Kiện toàn Ban Chỉ đạo Công tác thông tin đối ngoại từ Trung ương đến cơ sở.';
    expect(count(text, 'doc-004', 'ban-chi-dao-ttdn-tw')).toBe(1);
    expect(count(text, 'doc-000', 'ban-chi-dao-ttdn-tw')).toBe(0);
    // Nor does the exception's "Trung ương" count for anything else.
    expect(findMentions(text, names, 'doc-004')).toHaveLength(1);
  });

  it('finds the bare "Ban Chỉ đạo" of the document about that committee, and nowhere else', () => {
    const text = 'Phó Trưởng ban Thường trực Ban Chỉ đạo báo cáo kết quả hoạt động của Ban Chỉ đạo trong năm 2018 tại Thừa Thiên Huế.';
    expect(count(text, 'doc-003', 'ban-chi-dao-ttdn-thua-thien-hue')).toBe(2);
    expect(count(text, 'doc-003', 'thua-thien-hue')).toBe(1);
    expect(count(text, 'doc-002', 'ban-chi-dao-ttdn-thua-thien-hue')).toBe(0);
    expect(count(text, undefined, 'ban-chi-dao-ttdn-thua-thien-hue')).toBe(0);
  });

  it('folds diacritics and case, as search does', () => {
    expect(count('tai thua thien hue', undefined, 'thua-thien-hue')).toBe(1);
  });
});
