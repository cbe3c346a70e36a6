/**
 * The five source documents in ../shared/seed-documents/ (one record per file). Only metadata
 * and our own summaries live here; the texts are read from the files at run time.
 */
import type { SourceDocumentFact } from './types.js';

export const documents: SourceDocumentFact[] = [
  {
    id: 'doc-giao-ban-phia-bac',
    file: '000_170ad926820d4fb0.txt',
    // The text has no headline of its own (only an image caption without diacritics,
    // "Giao ban cong tac thong tin doi ngoai cac tinh, thanh pho phia bac - Anh 1"):
    // this title is ours, describing the content. No byline, publisher or date in the text.
    title: 'Giao ban công tác thông tin đối ngoại các tỉnh, thành phố khu vực phía Bắc',
    language: 'vi',
    summary:
      'Short report on the briefing the Central Steering Committee for External Information Work held in Hà Nội on 10 November (year not given) with the steering committees of the 25 northern provinces and cities. It lists who attended, credits local external information work with results, and gives the priority tasks Phạm Văn Linh set in his closing remarks.',
    topics: ['thong-tin-doi-ngoai', 'dau-tranh-phan-bac-thong-tin-sai-trai', 'dao-tao-boi-duong-can-bo', 'kien-toan-to-chuc-co-che-phoi-hop'],
  },
  {
    id: 'doc-ha-noi-thong-tin-doi-ngoai',
    file: '001_1d541f00aaa08fba.txt',
    // Headline as written on the first line.
    title: 'Hà Nội luôn thực hiện tốt thông tin đối ngoại',
    // Byline at the end of the text: "Trần Vũ". No publisher or date in the text.
    author: 'Trần Vũ',
    language: 'vi',
    summary:
      'Report on the same northern-region briefing (10/11, Hà Nội), seen from Hà Nội: Ngô Thị Thanh Hằng describes how the city consolidated its steering committee, regulated information for foreign press and organisations, trained staff and promoted the country, and asks the central committee for better sharing of good practice. Phạm Văn Linh then sets the localities several tasks.',
    topics: [
      'thong-tin-doi-ngoai',
      'dau-tranh-phan-bac-thong-tin-sai-trai',
      'dao-tao-boi-duong-can-bo',
      'quang-ba-hinh-anh',
      'thong-tin-tieng-nuoc-ngoai-bao-chi-nuoc-ngoai',
      'kien-toan-to-chuc-co-che-phoi-hop',
    ],
  },
  {
    id: 'doc-so-ket-6-thang-dau-nam-2020',
    file: '002_945c2f6e90c4a6ea.txt',
    // Headline as written. The "Chủ Nhật, 24/1/2021" at the top sits in the site header next
    // to a hotline number: it is the page's date, not stated as the article's publication date,
    // so publishedOn stays empty.
    title: 'Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương họp sơ kết công tác 6 tháng đầu năm 2020',
    // Byline at the end of the text: "Hay Nguyễn".
    author: 'Hay Nguyễn',
    language: 'vi',
    summary:
      'The Central Steering Committee for External Information Work reviews its first six months of 2020 (meeting date not given). Its head, Võ Văn Thưởng, praises the period and sets priorities for the rest of the year, including reviewing ten years of the 2011–2020 strategy to prepare the 2021–2030 external communication strategy and making the national award more attractive.',
    topics: [
      'thong-tin-doi-ngoai',
      'truyen-thong-doi-ngoai',
      'giai-thuong-toan-quoc-ttdn',
      'dau-tranh-phan-bac-thong-tin-sai-trai',
      'thong-tin-tieng-nuoc-ngoai-bao-chi-nuoc-ngoai',
    ],
  },
  {
    id: 'doc-thua-thien-hue-2018',
    file: '003_8e0cd32f69659cb5.txt',
    // Headline as written on the first line (the semicolon is the source's).
    title: 'Thừa Thiên Huế; Đổi mới phương thức, hoạt động thông tin đối ngoại',
    // Byline: "Hồng Nga - Ban Tuyên giáo Tỉnh ủy Thừa Thiên Huế" (the affiliation is recorded
    // as the agency's source; the author field holds the name). No date or publisher stated.
    author: 'Hồng Nga',
    language: 'vi',
    summary:
      "Thừa Thiên Huế's provincial steering committee for external information meets (date not given) to hear its 2018 results and its 2019 plan, reported by Lê Xuân Hiền. The province's standing deputy party secretary, who is not named, asks for new working methods, more foreign-language information, links between party, state and people-to-people diplomacy, and better-trained staff.",
    topics: [
      'thong-tin-doi-ngoai',
      'quang-ba-hinh-anh',
      'dau-tranh-phan-bac-thong-tin-sai-trai',
      'dao-tao-boi-duong-can-bo',
      'thong-tin-tieng-nuoc-ngoai-bao-chi-nuoc-ngoai',
    ],
  },
  {
    id: 'doc-hoi-nghi-toan-quoc-ket-luan-57',
    file: '004_b546b864875840e6.txt',
    // Headline as written.
    title: 'Tiếp tục nâng hiệu quả công tác thông tin đối ngoại trong tình hình mới',
    // The page shows two dates: "Thứ Ba, 18/06/2024" in the site header (the page's date) and
    // "Thứ Năm, 12/10/2023" directly under the headline, i.e. the article's dateline; we take
    // the latter as the publication date (the day after the conference it reports).
    publishedOn: { year: 2023, month: 10, day: 12, text: 'Thứ Năm, 12/10/2023' },
    language: 'vi',
    summary:
      'Report on the national conference of 11 October 2023 in Hà Nội, broadcast to 63 bridge points and to Vietnamese missions abroad, that introduced Politburo Conclusion 57-KL/TW on external information work. Nguyễn Trọng Nghĩa, head of the Central Propaganda Department and of the steering committee, closes it with the tasks for implementing the conclusion.',
    topics: ['thong-tin-doi-ngoai', 'kien-toan-to-chuc-co-che-phoi-hop', 'dao-tao-boi-duong-can-bo'],
  },
];
