/**
 * The Central Steering Committee for External Information Work and one provincial steering
 * committee per provincial-level unit (domain.md rule 8), generated from provinces.ts.
 *
 * No document names the standing agency (cơ quan thường trực) or the member agencies (cơ quan
 * thành viên) of any committee: 002 and 003 speak of them only generically, 000 of "các bộ, ban,
 * ngành là thành viên" without naming them. So standingAgencyId stays empty and
 * memberAgencyIds is [] everywhere.
 */
import { provinces } from './provinces.js';
import type { CommitteeFact, DocId, NameFormFact } from './types.js';

const CENTRAL_COMMITTEE_ID = 'ban-chi-dao-ttdn-tw';

/** The five centrally-run cities of the period: their committee is "... thành phố X". */
const CENTRALLY_RUN_CITIES = new Set(['ha-noi', 'ho-chi-minh', 'hai-phong', 'da-nang', 'can-tho']);

/**
 * The documents that speak of a province's own committee. Every other provincial committee is
 * in the seed because domain.md rule 8 gives each unit one, not because a document names it:
 * their sources are [] (allowed for committees only).
 */
const PROVINCIAL_SOURCES: Record<string, DocId[]> = {
  // 001: "Hà Nội đã kiện toàn Ban Chỉ đạo công tác thông tin đối ngoại Thành phố".
  'ha-noi': ['doc-ha-noi-thong-tin-doi-ngoai'],
  // 003: the whole article is about "Ban Chỉ đạo" of Thừa Thiên Huế (its 2018 results).
  'thua-thien-hue': ['doc-thua-thien-hue-2018'],
};

/**
 * How the documents write a provincial committee's name where it is not the generated one.
 * 003 writes only "Ban Chỉ đạo" (seven times): the article reports that committee's own meeting
 * (its standing deputy head reports "kết quả hoạt động của Ban Chỉ đạo trong năm 2018", the
 * Tỉnh ủy Thừa Thiên Huế's deputy secretary addresses it), so there the bare words are it.
 */
const PROVINCIAL_NAME_FORMS: Record<string, NameFormFact[]> = {
  'ha-noi': [
    {
      form: 'Ban Chỉ đạo công tác thông tin đối ngoại Thành phố',
      source: 'doc-ha-noi-thong-tin-doi-ngoai',
      passage: 'Hà Nội đã kiện toàn Ban Chỉ đạo công tác thông tin đối ngoại Thành phố',
      // "Thành phố" alone says which city only in an article about Hà Nội.
      onlyInSource: true,
    },
  ],
  'thua-thien-hue': [
    {
      form: 'Ban Chỉ đạo',
      source: 'doc-thua-thien-hue-2018',
      passage: 'Phó Trưởng ban Thường trực Ban Chỉ đạo báo cáo kết quả hoạt động của Ban Chỉ đạo trong năm 2018',
      onlyInSource: true,
    },
  ],
};

const central: CommitteeFact = {
  id: CENTRAL_COMMITTEE_ID,
  // As written in 001, 002 (000 abbreviates "T.Ư"; 004 writes it without "Trung ương").
  name: 'Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương',
  nameEn: 'Central Steering Committee for External Information Work',
  level: 'CENTRAL',
  memberAgencyIds: [],
  nameForms: [
    // 000 abbreviates "Trung ương" as "T.Ư" (four times); the rule that reads "T.Ư", "TƯ" and
    // "TW" for "Trung ương" finds it in any text, so this form is not limited to 000.
    {
      form: 'Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư',
      source: 'doc-giao-ban-phia-bac',
      passage: 'Ngày 10-11, tại Hà Nội, Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư tổ chức hội nghị giao ban',
    },
    // 000 also gives Võ Văn Phuông's title without "T.Ư": "Phó Trưởng Ban Chỉ đạo Công tác
    // thông tin đối ngoại" of the committee holding the briefing. The same words followed by
    // "các tỉnh, thành phố" are the provincial committees, not this one.
    {
      form: 'Ban Chỉ đạo Công tác thông tin đối ngoại',
      source: 'doc-giao-ban-phia-bac',
      passage: 'Võ Văn Phuông, Phó Trưởng Ban Tuyên giáo T.Ư, Phó Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại;',
      onlyInSource: true,
      except: ['Ban Chỉ đạo Công tác thông tin đối ngoại các tỉnh, thành phố'],
    },
    // 002 reports this committee's own session and then says "Ban Chỉ đạo" for it.
    {
      form: 'Ban Chỉ đạo',
      source: 'doc-so-ket-6-thang-dau-nam-2020',
      passage: 'đánh giá cao những kết quả quan trọng trong hoạt động của Ban Chỉ đạo trong 6 tháng đầu năm',
      onlyInSource: true,
    },
    // 004 never writes "Trung ương" after the name: the organiser of the national conference,
    // whose head Nguyễn Trọng Nghĩa is. "... từ Trung ương đến cơ sở" is the committees at
    // every level, not this one.
    {
      form: 'Ban Chỉ đạo Công tác thông tin đối ngoại',
      source: 'doc-hoi-nghi-toan-quoc-ket-luan-57',
      passage: 'Chiều 11/10/2023, tại Hà Nội, Ban Chỉ đạo Công tác thông tin đối ngoại tổ chức Hội nghị toàn quốc',
      onlyInSource: true,
      except: ['Ban Chỉ đạo Công tác thông tin đối ngoại từ Trung ương đến cơ sở'],
    },
    {
      form: 'Ban Chỉ đạo ở Trung ương',
      source: 'doc-hoi-nghi-toan-quoc-ket-luan-57',
      passage: 'lãnh đạo các cơ quan thành viên Ban Chỉ đạo ở Trung ương, Ban Chỉ đạo các tỉnh, thành phố',
      onlyInSource: true,
    },
  ],
  // 004 names the organiser "Ban Chỉ đạo Công tác thông tin đối ngoại" and speaks of "Ban Chỉ
  // đạo ở Trung ương" as opposed to "Ban Chỉ đạo các tỉnh, thành phố": the central one.
  sources: ['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai', 'doc-so-ket-6-thang-dau-nam-2020', 'doc-hoi-nghi-toan-quoc-ket-luan-57'],
};

const provincial: CommitteeFact[] = provinces.map((province) => ({
  id: `ban-chi-dao-ttdn-${province.code}`,
  // Generated name (the documents write the provincial committees generically, "Ban Chỉ đạo"
  // or "Ban Chỉ đạo công tác thông tin đối ngoại Thành phố").
  name: `Ban Chỉ đạo Công tác thông tin đối ngoại ${CENTRALLY_RUN_CITIES.has(province.code) ? 'thành phố' : 'tỉnh'} ${province.name}`,
  level: 'PROVINCIAL',
  provinceCode: province.code,
  parentId: CENTRAL_COMMITTEE_ID,
  memberAgencyIds: [],
  ...(PROVINCIAL_NAME_FORMS[province.code] ? { nameForms: PROVINCIAL_NAME_FORMS[province.code] } : {}),
  sources: PROVINCIAL_SOURCES[province.code] ?? [],
}));

export const committees: CommitteeFact[] = [central, ...provincial];

