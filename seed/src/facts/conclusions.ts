/**
 * Conclusions the documents name as studied or implemented.
 *
 * Only 57-KL/TW has a number. 002 also speaks of "Kết luận của Bộ Chính trị về Chiến lược phát
 * triển thông tin đối ngoại giai đoạn 2011-2020" (to be reviewed after 10 years) without its
 * number; ConclusionFact.number is required, so it cannot be recorded without inventing one.
 * 004's "Hướng dẫn triển khai Kết luận số 57-KL/TW" (guidance, no number or issuer) is not a
 * conclusion either.
 */
import type { ConclusionFact } from './types.js';

export const conclusions: ConclusionFact[] = [
  {
    // The id is the slug of the number, as createConclusion makes it.
    id: '57-kl-tw',
    // 004 writes "57- KL/TW" once and "57-KL/TW" twice.
    number: '57-KL/TW',
    // 004: "Kết luận số 57- KL/TW của Bộ Chính trị về tiếp tục nâng cao chất lượng, hiệu quả công
    // tác thông tin đối ngoại trong tình tình mới" — "tình tình" is a typo in the source for
    // "tình hình" (the headline of 004 reads "... trong tình hình mới").
    title: 'Kết luận số 57-KL/TW của Bộ Chính trị về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới',
    // 004: "của Bộ Chính trị".
    issuedById: 'bo-chinh-tri',
    // issuedOn: not stated in any document.
    // strategyId: no document links it to a strategy.
    summary:
      'A Politburo conclusion on continuing to raise the quality and effectiveness of external information work. The 2023 national conference presented it as confirming the Party\'s consistent view of how important that work is, as giving it strategic direction, and as the basis on which agencies build its mechanisms, policies and organisation.',
    topics: ['thong-tin-doi-ngoai', 'kien-toan-to-chuc-co-che-phoi-hop'],
    sources: ['doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
];
