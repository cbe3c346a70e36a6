/**
 * Topics the five source documents are about. Codes are stable ASCII slugs; the Vietnamese
 * names are ours (descriptive labels), the English names optional extras.
 */
import type { TopicFact } from './types.js';

export const topics: TopicFact[] = [
  // The whole domain; every document is about it.
  { code: 'thong-tin-doi-ngoai', name: 'Thông tin đối ngoại', nameEn: 'External information' },
  // 002: the 2021–2030 "Chiến lược truyền thông đối ngoại".
  { code: 'truyen-thong-doi-ngoai', name: 'Truyền thông đối ngoại', nameEn: 'External communication' },
  // 002: "Giải thưởng toàn quốc về thông tin đối ngoại".
  {
    code: 'giai-thuong-toan-quoc-ttdn',
    name: 'Giải thưởng toàn quốc về thông tin đối ngoại',
    nameEn: 'National External Information Award',
  },
  // 000, 001, 002, 003: rebutting false information and hostile distortions.
  {
    code: 'dau-tranh-phan-bac-thong-tin-sai-trai',
    name: 'Đấu tranh, phản bác thông tin sai trái, xuyên tạc',
    nameEn: 'Fighting false information and distortions',
  },
  // 000, 001, 003, 004: training the people who do external information work.
  {
    code: 'dao-tao-boi-duong-can-bo',
    name: 'Đào tạo, bồi dưỡng cán bộ làm công tác thông tin đối ngoại',
    nameEn: 'Training external information staff',
  },
  // 000, 001, 004: organising the steering committees and their coordination mechanisms.
  {
    code: 'kien-toan-to-chuc-co-che-phoi-hop',
    name: 'Kiện toàn tổ chức, cơ chế chỉ đạo và phối hợp',
    nameEn: 'Organisation and coordination of the steering committees',
  },
  // 001, 003: promoting the image of the country and of the locality (tourism, investment, culture).
  {
    code: 'quang-ba-hinh-anh',
    name: 'Quảng bá hình ảnh đất nước, địa phương',
    nameEn: 'Promoting the image of the country and its localities',
  },
  // 001, 003: information in foreign languages; 001, 002: the role of the foreign press.
  {
    code: 'thong-tin-tieng-nuoc-ngoai-bao-chi-nuoc-ngoai',
    name: 'Thông tin bằng tiếng nước ngoài và quan hệ với báo chí nước ngoài',
    nameEn: 'Foreign-language information and the foreign press',
  },
];
