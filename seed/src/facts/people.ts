/**
 * Every person the documents name, one record per real person, names exactly as written (NFC).
 * Officials first; then the three reporters named in bylines, who hold no position and attend
 * no event in the sources but are named persons (and the documents' authors).
 */
import type { PersonFact } from './types.js';

export const people: PersonFact[] = [
  // 000: "Ủy viên T.Ư Đảng: Võ Văn Phuông, Phó Trưởng Ban Tuyên giáo T.Ư, ...".
  { id: 'vo-van-phuong', fullName: 'Võ Văn Phuông', sources: ['doc-giao-ban-phia-bac'] },
  // 000 and 001: attends / co-chairs the northern briefing for Hà Nội.
  { id: 'ngo-thi-thanh-hang', fullName: 'Ngô Thị Thanh Hằng', sources: ['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai'] },
  // 000 and 001: co-chairs the northern briefing and gives its concluding remarks.
  { id: 'pham-van-linh', fullName: 'Phạm Văn Linh', sources: ['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai'] },
  // 002: directs the mid-2020 review session.
  { id: 'vo-van-thuong', fullName: 'Võ Văn Thưởng', sources: ['doc-so-ket-6-thang-dau-nam-2020'] },
  // 003: reports on the Thừa Thiên Huế committee's 2018 results.
  { id: 'le-xuan-hien', fullName: 'Lê Xuân Hiền', sources: ['doc-thua-thien-hue-2018'] },
  // 004: closes the 2023 national conference on 57-KL/TW.
  { id: 'nguyen-trong-nghia', fullName: 'Nguyễn Trọng Nghĩa', sources: ['doc-hoi-nghi-toan-quoc-ket-luan-57'] },
  // Bylines (author of the article only).
  // 001, last line: "Trần Vũ".
  { id: 'tran-vu', fullName: 'Trần Vũ', sources: ['doc-ha-noi-thong-tin-doi-ngoai'] },
  // 002, after the text: "Hay Nguyễn".
  { id: 'hay-nguyen', fullName: 'Hay Nguyễn', sources: ['doc-so-ket-6-thang-dau-nam-2020'] },
  // 003: "Hồng Nga - Ban Tuyên giáo Tỉnh ủy Thừa Thiên Huế" (no title given, so no position).
  { id: 'hong-nga', fullName: 'Hồng Nga', sources: ['doc-thua-thien-hue-2018'] },
];
