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
import type { CommitteeFact, DocId } from './types.js';

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

const central: CommitteeFact = {
  id: CENTRAL_COMMITTEE_ID,
  // As written in 001, 002 (000 abbreviates "T.Ư"; 004 writes it without "Trung ương").
  name: 'Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương',
  nameEn: 'Central Steering Committee for External Information Work',
  level: 'CENTRAL',
  memberAgencyIds: [],
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
  sources: PROVINCIAL_SOURCES[province.code] ?? [],
}));

export const committees: CommitteeFact[] = [central, ...provincial];

