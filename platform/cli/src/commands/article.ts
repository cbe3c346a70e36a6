/**
 * Reading an article file the way a person would: its title (the first line, a Markdown heading,
 * an HTML <title> or <h1>), its text (HTML without its tags), and the publication date where the
 * text states one in a Vietnamese form ("Thứ Năm, 12/10/2023", "ngày 12 tháng 10 năm 2023",
 * "12/10/2023"). Only the article's own lines are kept where the page shows where they end:
 * a saved news page's header, visitor counter and lists of other articles are dropped
 * (`articleBody`). Anything that is not text is refused with the reason.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CliError } from '../cli.js';

export interface Article {
  title: string;
  text: string;
  publishedOn?: { year: number; month: number; day: number; text: string };
}

export const MAX_FILE_BYTES = 5_000_000;
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

const WEEKDAY = '(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật|Chủ nhật)';
const DATE_FORMS: RegExp[] = [
  // A byline's "Thứ Năm, 12/10/2023": the strongest sign of a publication date.
  new RegExp(`${WEEKDAY},?\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})`, 'u'),
  /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu,
];

function entity(code: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
  if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
  return named[code] ?? `&${code};`;
}

function htmlToText(html: string): { title?: string; text: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const text = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/h\d|\/li)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (_, code: string) => entity(code))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
  return { title: title?.replace(/<[^>]+>/g, '').replace(/&(#x?[0-9a-f]+|\w+);/gi, (_, code: string) => entity(code)).trim(), text };
}

/**
 * News sites print other articles' dates in their page furniture ("Xem nhiều nhất Thứ Ba,
 * 18/06/2024" is the most-read list, not this article): a date on such a line is not the
 * article's.
 */
const PAGE_FURNITURE = /xem nhiều nhất|tin khác|các tin khác|mới nhất|tin liên quan|có thể bạn quan tâm|liên kết website/i;

/** A date the text states, as a partial date; a date-like form that is not a real day is an error. */
export function statedDate(text: string): Article['publishedOn'] {
  const lines = text.split('\n').filter((line) => !PAGE_FURNITURE.test(line));
  for (const form of DATE_FORMS) {
    const match = lines.map((line) => form.exec(line)).find(Boolean);
    if (!match) continue;
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      throw new CliError(`states a date "${match[0]}" that does not exist (day ${day}, month ${month}, year ${year})`);
    }
    return { year, month, day, text: match[0].trim() };
  }
  return undefined;
}

/** Parses a date the user gives (--date): YYYY-MM-DD or DD/MM/YYYY; anything else is named. */
export function givenDate(value: string): Article['publishedOn'] {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : vietnamese ? [Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1])] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(year) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CliError(`--date "${value}" is not a date this command reads: give YYYY-MM-DD (2023-10-12) or DD/MM/YYYY (12/10/2023).`);
  }
  return { year, month, day, text: value };
}

/**
 * Lines that belong to the site, not the article, wherever they stand: the hotline, the visitor
 * counter's figures, the share and feedback buttons.
 */
const FURNITURE_LINE = /^(?:hotline\b.*|tổng số:\s*[\d.,]+|trực tuyến:\s*[\d.,]+|hôm nay:\s*[\d.,]+|gửi cho bạn bè|in bài viết|phản hồi|thông tin người gửi phản hồi)$/iu;

/**
 * Headings after which a news page lists other articles and widgets ("Xem nhiều nhất",
 * "Thống kê truy cập"): the article ended before the first of them. Only a whole line counts,
 * so a sentence that uses the words is never cut.
 */
const TRAILER_HEADING = /^(?:xem nhiều nhất|thống kê truy cập|các tin khác|tin khác|tin liên quan|tin cùng chuyên mục|có thể bạn quan tâm|mới nhất|liên kết website|gửi cho bạn bè|phản hồi|thông tin người gửi phản hồi)$/iu;

/** A date alone on a line ("Chủ Nhật, 24/1/2021"): above the headline, it is the site header's day. */
const DATE_LINE = new RegExp(`^${WEEKDAY},?\\s*\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}$`, 'u');

/**
 * The article's own lines of a saved news page: without the site's header above the headline
 * (its date, its hotline), the furniture lines anywhere, and everything from the first heading
 * of the page's lists of other articles on. When the cut would leave nothing, the text stays.
 */
export function articleBody(text: string, hasTitle = false): string {
  let lines = text.split('\n');
  if (!hasTitle) {
    // Above the headline only: a date line below it is the article's dateline.
    const first = lines.findIndex((line) => line.trim() !== '' && !DATE_LINE.test(line.trim()) && !FURNITURE_LINE.test(line.trim()));
    if (first > 0) lines = lines.slice(first);
  }
  const end = lines.findIndex((line, i) => i > 0 && TRAILER_HEADING.test(line.trim()));
  if (end > 0) lines = lines.slice(0, end);
  const body = lines
    .filter((line) => !FURNITURE_LINE.test(line.trim()))
    .join('\n')
    .replace(/\n\s*\n\s*\n+/g, '\n\n')
    .trim();
  return body || text;
}

export function readArticle(name: string, bytes: Buffer): Article {
  if (bytes.length > MAX_FILE_BYTES) throw new CliError(`is ${bytes.length} bytes; articles of at most ${MAX_FILE_BYTES} bytes are taken`);
  if (bytes.includes(0)) throw new CliError('is not text (it contains NUL bytes): import .txt, .md or .html articles');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').normalize('NFC');
  } catch {
    throw new CliError('is not UTF-8 text: save it as UTF-8 and import it again');
  }
  const html = /\.html?$/i.test(name);
  const page = html ? htmlToText(raw) : { title: undefined, text: raw.replace(/\r\n?/g, '\n').trim() };
  const htmlTitle = page.title;
  const text = articleBody(page.text, Boolean(htmlTitle));
  const firstLine = text.split('\n').map((line) => line.replace(/^#+\s*/, '').trim()).find(Boolean);
  const title = htmlTitle || firstLine;
  if (!title) throw new CliError('has no text');
  return { title: title.slice(0, 500), text, publishedOn: statedDate(text) };
}

/** The article files named: files as given, folders' article files (not recursing), in order. */
export async function articleFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new CliError(`cannot read ${path}: it does not exist (give files or folders of .txt, .md or .html articles).`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase())).sort();
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

