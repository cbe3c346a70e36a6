/**
 * Every agency or body the documents name specifically. Generic groups that the texts mention
 * without naming a body ("các bộ, ban, ngành", "các cơ quan báo chí", "tỉnh ủy, thành ủy, Đảng
 * ủy trực thuộc Trung ương", foreign press and foreign missions in Hà Nội) are not agencies here;
 * where they attend a meeting they appear as participants by title only (see events.ts).
 * Not in any document, so not here: the Ministry of Foreign Affairs, the Ministry of Information
 * and Communications, the Secretariat (Ban Bí thư) as a body, any named press agency.
 * parentId only where the name itself states the hierarchy (a Tỉnh ủy's own board/department).
 */
import type { AgencyFact } from './types.js';

export const agencies: AgencyFact[] = [
  // ---------- central party bodies ----------
  {
    // 002: Võ Văn Thưởng "Ủy viên Bộ Chính trị"; "Kết luận của Bộ Chính trị về Chiến lược ...".
    // 004: "Kết luận số 57- KL/TW của Bộ Chính trị".
    id: 'bo-chinh-tri',
    name: 'Bộ Chính trị',
    nameEn: 'Politburo',
    kind: 'PARTY_BODY',
    sources: ['doc-so-ket-6-thang-dau-nam-2020', 'doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
  {
    // Named only through the titles "Ủy viên T.Ư Đảng" / "Ủy viên Trung ương Đảng" (000, 001)
    // and "Bí thư Trung ương Đảng" (002, 004); the name is the body's usual name.
    id: 'ban-chap-hanh-tw',
    name: 'Ban Chấp hành Trung ương Đảng',
    nameEn: 'Party Central Committee',
    kind: 'PARTY_BODY',
    // "Trung ương Đảng" in those titles is this body ("Ủy viên Trung ương Đảng": a member of it).
    nameForms: [
      { form: 'Trung ương Đảng', source: 'doc-ha-noi-thong-tin-doi-ngoai', passage: 'đồng chí Ngô Thị Thanh Hằng, Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Hà Nội' },
      { form: 'T.Ư Đảng', source: 'doc-giao-ban-phia-bac', passage: 'Tới dự, có các đồng chí Ủy viên T.Ư Đảng: Võ Văn Phuông' },
    ],
    sources: ['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai', 'doc-so-ket-6-thang-dau-nam-2020', 'doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
  {
    // 000 "Ban Tuyên giáo T.Ư"; 001, 002, 004 "Ban Tuyên giáo Trung ương".
    // 002: "lãnh đạo một số vụ, đơn vị thuộc Ban Tuyên giáo Trung ương" attended the session.
    id: 'ban-tuyen-giao-tw',
    name: 'Ban Tuyên giáo Trung ương',
    nameEn: 'Central Propaganda Department',
    // A department of the Party Central Committee: a central Party body (DEPARTMENT is for
    // provincial departments, sở, ban).
    kind: 'PARTY_BODY',
    nameForms: [{ form: 'Ban Tuyên giáo T.Ư', source: 'doc-giao-ban-phia-bac', passage: 'Võ Văn Phuông, Phó Trưởng Ban Tuyên giáo T.Ư, Phó Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại' }],
    sources: ['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai', 'doc-so-ket-6-thang-dau-nam-2020', 'doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
  {
    // 002: "thành viên Nhóm Giúp việc" attended the central committee's session. Named as
    // written; the text does not spell out whose group it is, though the context is the
    // Central Steering Committee's session.
    id: 'nhom-giup-viec',
    name: 'Nhóm Giúp việc',
    nameEn: 'Assisting working group',
    kind: 'OTHER',
    sources: ['doc-so-ket-6-thang-dau-nam-2020'],
  },
  // ---------- public security ----------
  {
    // 004: "Tại điểm cầu Bộ Công an ... lãnh đạo các đơn vị thuộc Bộ Công an".
    id: 'bo-cong-an',
    name: 'Bộ Công an',
    nameEn: 'Ministry of Public Security',
    kind: 'MINISTRY',
    sources: ['doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
  {
    // 004: "các đồng chí trong Đảng ủy Công an Trung ương" attended at the ministry's bridge
    // point. The text does not state its relation to the ministry, so no parentId.
    id: 'dang-uy-cong-an-tw',
    name: 'Đảng ủy Công an Trung ương',
    nameEn: 'Central Public Security Party Committee',
    kind: 'PARTY_COMMITTEE',
    sources: ['doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
  // ---------- Vietnamese missions abroad (one agency) ----------
  {
    // 004: the conference was "kết nối trực tuyến với các cơ quan đại diện Việt Nam tại nước ngoài".
    id: 'co-quan-dai-dien-viet-nam-tai-nuoc-ngoai',
    name: 'Cơ quan đại diện Việt Nam tại nước ngoài',
    nameEn: 'Vietnamese missions abroad',
    kind: 'FOREIGN_MISSION',
    sources: ['doc-hoi-nghi-toan-quoc-ket-luan-57'],
  },
  // ---------- Hà Nội ----------
  {
    // 000 "Phó Bí thư Thường trực Thành ủy Hà Nội"; 001 idem, and "lãnh đạo TP Hà Nội".
    id: 'thanh-uy-ha-noi',
    name: 'Thành ủy Hà Nội',
    nameEn: 'Hà Nội Party Committee',
    kind: 'PARTY_COMMITTEE',
    provinceCode: 'ha-noi',
    // 001 also writes "Thành ủy" alone, of Hà Nội's (the article is about the city).
    nameForms: [
      { form: 'Thành ủy', source: 'doc-ha-noi-thong-tin-doi-ngoai', passage: 'Báo cáo về kết quả thông tin đối ngoại, Phó Bí thư Thường trực Thành ủy Ngô Thị Thanh Hằng', onlyInSource: true },
    ],
    sources: ['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai'],
  },
  // ---------- Thừa Thiên Huế ----------
  {
    // 003: "đồng chí Phó Bí thư Thường trực Tỉnh ủy Thừa Thiên Huế".
    id: 'tinh-uy-thua-thien-hue',
    name: 'Tỉnh ủy Thừa Thiên Huế',
    nameEn: 'Thừa Thiên Huế Provincial Party Committee',
    kind: 'PARTY_COMMITTEE',
    provinceCode: 'thua-thien-hue',
    // 003, about Thừa Thiên Huế only, then writes "Tỉnh ủy" alone for it.
    nameForms: [
      { form: 'Tỉnh ủy', source: 'doc-thua-thien-hue-2018', passage: 'Phát biểu chỉ đạo tại hội nghị, đồng chí Phó Bí thư Thường trực Tỉnh ủy đã ghi nhận', onlyInSource: true },
    ],
    sources: ['doc-thua-thien-hue-2018'],
  },
  {
    // 003: the steering committee advises "Ban Thường vụ Tỉnh ủy" on external information.
    // Written without the province's name; the article is about Thừa Thiên Huế.
    id: 'ban-thuong-vu-tinh-uy-thua-thien-hue',
    name: 'Ban Thường vụ Tỉnh ủy Thừa Thiên Huế',
    nameEn: 'Standing Board of the Thừa Thiên Huế Provincial Party Committee',
    kind: 'PARTY_COMMITTEE',
    parentId: 'tinh-uy-thua-thien-hue',
    provinceCode: 'thua-thien-hue',
    nameForms: [
      { form: 'Ban Thường vụ Tỉnh ủy', source: 'doc-thua-thien-hue-2018', passage: 'chất lượng tham mưu cho Ban Thường vụ Tỉnh ủy trên lĩnh vực thông tin đối ngoại', onlyInSource: true },
    ],
    sources: ['doc-thua-thien-hue-2018'],
  },
  {
    // 003: Lê Xuân Hiền "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"; byline "Hồng Nga - Ban Tuyên giáo
    // Tỉnh ủy Thừa Thiên Huế". A department of the Tỉnh ủy, as its name says.
    id: 'ban-tuyen-giao-tinh-uy-thua-thien-hue',
    name: 'Ban Tuyên giáo Tỉnh ủy Thừa Thiên Huế',
    nameEn: 'Propaganda Department of the Thừa Thiên Huế Provincial Party Committee',
    kind: 'DEPARTMENT',
    parentId: 'tinh-uy-thua-thien-hue',
    provinceCode: 'thua-thien-hue',
    nameForms: [
      { form: 'Ban Tuyên giáo Tỉnh ủy', source: 'doc-thua-thien-hue-2018', passage: 'đồng chí Lê Xuân Hiền - Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Phó Trưởng ban Thường trực Ban Chỉ đạo', onlyInSource: true },
    ],
    sources: ['doc-thua-thien-hue-2018'],
  },
];
