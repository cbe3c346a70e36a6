import { describe, expect, it } from 'vitest';
import { articleBody, givenDate, readArticle, statedDate } from './article.js';

describe('reading an article file', () => {
  it('takes the title from the first line and the date a byline states', () => {
    const article = readArticle('a.txt', Buffer.from('Hà Nội luôn thực hiện tốt thông tin đối ngoại\n\nNội dung.\n\nTrần VũChủ Nhật, 24/1/2021\nHotline'));
    expect(article.title).toBe('Hà Nội luôn thực hiện tốt thông tin đối ngoại');
    expect(article.publishedOn).toEqual({ year: 2021, month: 1, day: 24, text: 'Chủ Nhật, 24/1/2021' });
  });

  it('reads "ngày 12 tháng 10 năm 2023" and ignores dates in the page furniture', () => {
    expect(statedDate('Hà Nội, ngày 12 tháng 10 năm 2023')).toMatchObject({ year: 2023, month: 10, day: 12 });
    expect(statedDate('Bài viết.\nXem nhiều nhấtThứ Ba, 18/06/2024')).toBeUndefined();
  });

  it('strips HTML to its text and takes its title', () => {
    const article = readArticle('a.html', Buffer.from('<html><head><title>Tiêu đề &amp; tin</title><style>p{}</style></head><body><p>Thứ Năm, 12/10/2023</p><p>Đoạn <b>một</b>.</p></body></html>'));
    expect(article.title).toBe('Tiêu đề & tin');
    expect(article.text).toContain('Đoạn một .');
    expect(article.text).not.toContain('<');
    expect(article.publishedOn).toMatchObject({ year: 2023, month: 10, day: 12 });
  });

  it('refuses what is not text, too large, or a date that does not exist', () => {
    expect(() => readArticle('x.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow('is not text');
    expect(() => readArticle('x.txt', Buffer.from([0xff, 0xfe, 0x41]))).toThrow('is not UTF-8 text');
    expect(() => readArticle('x.txt', Buffer.alloc(5_000_001, 0x41))).toThrow('articles of at most 5000000 bytes');
    expect(() => statedDate('Thứ Hai, 31/02/2023')).toThrow('does not exist');
    expect(() => givenDate('October 12')).toThrow('is not a date this command reads');
    expect(givenDate('12/10/2023')).toMatchObject({ year: 2023, month: 10, day: 12 });
  });

  it('keeps the article\'s body: no site header above the headline, no counter, no lists of other articles', () => {
    const page = [
      'Thứ Ba, 18/06/2024',
      '',
      'Tiếp tục nâng hiệu quả công tác thông tin đối ngoại',
      '',
      'Thứ Năm, 12/10/2023',
      '',
      'Chiều 11/10/2023, tại Hà Nội, hội nghị diễn ra. Xem nhiều nhất là tin này.',
      'Hotline: 08045542 - 08045075',
      'Hay Nguyễn',
      '',
      'Gửi cho bạn bè',
      '',
      'Phản hồi',
      'Các tin khác',
      'Liên kết website',
      'Thống kê truy cập',
      'Tổng số: 2994885',
      'Hôm nay: 4118',
    ].join('\n');
    const article = readArticle('004.txt', Buffer.from(page));
    expect(article.title).toBe('Tiếp tục nâng hiệu quả công tác thông tin đối ngoại');
    // The header's 18/06/2024 is the page's day; the dateline under the headline is the article's.
    expect(article.publishedOn).toMatchObject({ year: 2023, month: 10, day: 12 });
    expect(article.text).toContain('Xem nhiều nhất là tin này.');
    expect(article.text.endsWith('Hay Nguyễn')).toBe(true);
    for (const furniture of ['Thứ Ba, 18/06/2024', 'Hotline', 'Gửi cho bạn bè', 'Phản hồi', 'Các tin khác', 'Thống kê truy cập', 'Tổng số', 'Hôm nay']) expect(article.text).not.toContain(furniture);
  });

  it('leaves a text without furniture as it is', () => {
    const text = 'Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.';
    expect(articleBody(text)).toBe(text);
    expect(articleBody('Xem nhiều nhất')).toBe('Xem nhiều nhất');
  });
});
