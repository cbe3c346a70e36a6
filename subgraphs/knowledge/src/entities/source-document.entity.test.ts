import { describe, expect, it } from 'vitest';
import { Conclusion } from './conclusion.entity.js';
import { SourceDocument } from './source-document.entity.js';

describe('SourceDocument', () => {
  it('makes its full text searchable without diacritics', () => {
    const document = Object.assign(new SourceDocument(), { _id: 'd', title: 'Giao ban', language: 'vi', text: 'Công tác thông tin đối ngoại ở Thừa Thiên Huế' }).refresh();
    expect(document.searchTokens).toEqual(expect.arrayContaining(['thong', 'tin', 'doi', 'ngoai', 'thua', 'thien', 'hue']));
  });
});

describe('Conclusion', () => {
  it('is found by the parts of its number', () => {
    const conclusion = Object.assign(new Conclusion(), { _id: '57-kl-tw', number: '57-KL/TW', title: 'Kết luận số 57-KL/TW' }).refresh();
    expect(conclusion.searchTokens).toEqual(expect.arrayContaining(['57', 'kl', 'tw', 'ket', 'luan']));
    expect(conclusion.sortKey).toBe('57-kl/tw 57-kl-tw');
  });
});
