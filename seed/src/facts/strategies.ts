/**
 * The two strategies the documents name. Both appear only in 002, in one sentence of Võ Văn
 * Thưởng's tasks: "tổng kết 10 năm Kết luận của Bộ Chính trị về Chiến lược phát triển thông tin
 * đối ngoại giai đoạn 2011-2020 làm cơ sở hoạch định Chiến lược truyền thông đối ngoại của Việt
 * Nam cho giai đoạn 2021-2030".
 */
import type { StrategyFact } from './types.js';

export const strategies: StrategyFact[] = [
  {
    id: 'chien-luoc-ttdn-2011-2020',
    code: 'chien-luoc-ttdn-2011-2020',
    // As written in 002. 002 says it was the subject of a Politburo conclusion (number not
    // given, so that conclusion is not in conclusions.ts).
    title: 'Chiến lược phát triển thông tin đối ngoại giai đoạn 2011-2020',
    startYear: 2011,
    endYear: 2020,
    topics: ['thong-tin-doi-ngoai'],
    sources: ['doc-so-ket-6-thang-dau-nam-2020'],
  },
  {
    id: 'chien-luoc-ttdn-2021-2030',
    code: 'chien-luoc-ttdn-2021-2030',
    // As written in 002 (the words between "hoạch định" and ";").
    title: 'Chiến lược truyền thông đối ngoại của Việt Nam cho giai đoạn 2021-2030',
    startYear: 2021,
    endYear: 2030,
    // Succession: 002 has the 10-year review of the 2011–2020 strategy serve as the basis
    // ("làm cơ sở hoạch định") for planning this one, for the period that follows it directly.
    predecessorId: 'chien-luoc-ttdn-2011-2020',
    topics: ['truyen-thong-doi-ngoai', 'thong-tin-doi-ngoai'],
    sources: ['doc-so-ket-6-thang-dau-nam-2020'],
  },
];
