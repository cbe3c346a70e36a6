/**
 * Every title a document gives a named person, each in exactly one committee or one agency.
 *
 * Titles: as written, without the name of the body when that body is the position's own
 * committee/agency field (the contract's example: "Phó Trưởng ban Thường trực"); party ranks
 * whose body is part of the title itself are kept whole ("Ủy viên Trung ương Đảng", "Ủy viên Bộ
 * Chính trị", "Bí thư Trung ương Đảng"), with "T.Ư" spelled out as "Trung ương" as the other
 * documents write it. Where two documents spell the same title differently (capitals), one
 * spelling is kept and both documents are sources.
 *
 * No document states when anyone took up or left a title, so since/until are never set;
 * attestedOn holds the date of the event at which the source shows the person holding it, with
 * only the parts the source gives. The 002 session has no date in its text: its positions carry
 * the session's wording and, in attestedBetween, the days the session may have been held on.
 * The 003 meeting is undated too: the reporter's titles carry its bounds the same way.
 */
import { events } from './events.js';
import type { PartialDateFact, PositionFact } from './types.js';

const CENTRAL = 'ban-chi-dao-ttdn-tw';
const TTH = 'ban-chi-dao-ttdn-thua-thien-hue';

/** The northern briefing: "Ngày 10-11" (000), "Ngày 10/11" (001); no year in either. */
const NORTHERN_BRIEFING: PartialDateFact = { month: 11, day: 10, text: 'Ngày 10-11' };
/** The national conference on 57-KL/TW (004). */
// 002's meeting has no stated date: the attestation keeps only its wording, and the days the
// meeting may have been held on are the event's own bounds (after June 2020, before 2021).
const REVIEW_2020: PartialDateFact = { text: 'kỳ họp sơ kết 6 tháng đầu năm 2020 (002 gives no date)' };
const boundsOf = (eventId: string) => events.find((event) => event.id === eventId)!.dateBounds!;
const REVIEW_2020_BOUNDS = boundsOf('so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020');
/** 003's meeting on the year 2018: no date either; held in 2019 by its sources. */
const HUE_REVIEW_2018: PartialDateFact = { text: 'hội nghị tổng kết hoạt động năm 2018 (003 gives no date)' };
const HUE_REVIEW_2018_BOUNDS = boundsOf('hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018');
const NATIONAL_CONFERENCE_2023: PartialDateFact = { year: 2023, month: 10, day: 11, text: 'Chiều 11/10/2023' };

const D000 = 'doc-giao-ban-phia-bac';
const D001 = 'doc-ha-noi-thong-tin-doi-ngoai';
const D002 = 'doc-so-ket-6-thang-dau-nam-2020';
const D003 = 'doc-thua-thien-hue-2018';
const D004 = 'doc-hoi-nghi-toan-quoc-ket-luan-57';

export const positions: PositionFact[] = [
  // ---------- Võ Văn Phuông (000 only) ----------
  // 000: "các đồng chí Ủy viên T.Ư Đảng: Võ Văn Phuông, ...".
  { personId: 'vo-van-phuong', title: 'Ủy viên Trung ương Đảng', role: 'MEMBER', agencyId: 'ban-chap-hanh-tw', attestedOn: [NORTHERN_BRIEFING], sources: [D000] },
  // 000: "Phó Trưởng Ban Tuyên giáo T.Ư".
  { personId: 'vo-van-phuong', title: 'Phó Trưởng Ban', role: 'DEPUTY_HEAD', agencyId: 'ban-tuyen-giao-tw', attestedOn: [NORTHERN_BRIEFING], sources: [D000] },
  // 000: "Phó Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại" (written without "T.Ư", but in a
  // list of the central committee's leaders at its own briefing: the central committee).
  { personId: 'vo-van-phuong', title: 'Phó Trưởng Ban', role: 'DEPUTY_HEAD', committeeId: CENTRAL, attestedOn: [NORTHERN_BRIEFING], sources: [D000] },

  // ---------- Ngô Thị Thanh Hằng (000, 001) ----------
  // 000: among "các đồng chí Ủy viên T.Ư Đảng"; 001: "Ủy viên Trung ương Đảng".
  { personId: 'ngo-thi-thanh-hang', title: 'Ủy viên Trung ương Đảng', role: 'MEMBER', agencyId: 'ban-chap-hanh-tw', attestedOn: [NORTHERN_BRIEFING], sources: [D000, D001] },
  // 000, 001: "Phó Bí thư Thường trực Thành ủy Hà Nội".
  { personId: 'ngo-thi-thanh-hang', title: 'Phó Bí thư Thường trực', role: 'STANDING_DEPUTY_SECRETARY', agencyId: 'thanh-uy-ha-noi', attestedOn: [NORTHERN_BRIEFING], sources: [D000, D001] },

  // ---------- Phạm Văn Linh (000, 001) ----------
  // 000 "Phó Trưởng Ban Tuyên giáo T.Ư"; 001 "Phó trưởng Ban Tuyên giáo Trung ương" and
  // "Phó Trưởng Ban Tuyên giáo Trung ương".
  { personId: 'pham-van-linh', title: 'Phó Trưởng Ban', role: 'DEPUTY_HEAD', agencyId: 'ban-tuyen-giao-tw', attestedOn: [NORTHERN_BRIEFING], sources: [D000, D001] },
  // 000 "Phó Trưởng Ban Thường trực Ban Chỉ đạo ... T.Ư"; 001 "Phó Trưởng ban Thường trực Ban
  // Chỉ đạo Công tác thông tin đối ngoại Trung ương".
  { personId: 'pham-van-linh', title: 'Phó Trưởng ban Thường trực', role: 'STANDING_DEPUTY_HEAD', committeeId: CENTRAL, attestedOn: [NORTHERN_BRIEFING], sources: [D000, D001] },

  // ---------- Võ Văn Thưởng (002; the session's date is not given) ----------
  // 002: "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương,
  // Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương".
  { personId: 'vo-van-thuong', title: 'Ủy viên Bộ Chính trị', role: 'MEMBER', agencyId: 'bo-chinh-tri', attestedOn: [REVIEW_2020], attestedBetween: [REVIEW_2020_BOUNDS], sources: [D002] },
  // "Bí thư Trung ương Đảng" = a Secretary of the Central Committee (a member of its
  // Secretariat), not its General Secretary: role SECRETARY in the Central Committee, as in the
  // glossary ("Secretary of the Party Central Committee").
  { personId: 'vo-van-thuong', title: 'Bí thư Trung ương Đảng', role: 'SECRETARY', agencyId: 'ban-chap-hanh-tw', attestedOn: [REVIEW_2020], attestedBetween: [REVIEW_2020_BOUNDS], sources: [D002] },
  { personId: 'vo-van-thuong', title: 'Trưởng Ban', role: 'HEAD', agencyId: 'ban-tuyen-giao-tw', attestedOn: [REVIEW_2020], attestedBetween: [REVIEW_2020_BOUNDS], sources: [D002] },
  { personId: 'vo-van-thuong', title: 'Trưởng Ban', role: 'HEAD', committeeId: CENTRAL, attestedOn: [REVIEW_2020], attestedBetween: [REVIEW_2020_BOUNDS], sources: [D002] },

  // ---------- Lê Xuân Hiền (003; the meeting's date is not given) ----------
  // 003: "Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Phó Trưởng ban Thường trực Ban Chỉ đạo" (the
  // article is about Thừa Thiên Huế's committee and Tỉnh ủy).
  { personId: 'le-xuan-hien', title: 'Phó Trưởng Ban', role: 'DEPUTY_HEAD', agencyId: 'ban-tuyen-giao-tinh-uy-thua-thien-hue', attestedOn: [HUE_REVIEW_2018], attestedBetween: [HUE_REVIEW_2018_BOUNDS], sources: [D003] },
  { personId: 'le-xuan-hien', title: 'Phó Trưởng ban Thường trực', role: 'STANDING_DEPUTY_HEAD', committeeId: TTH, attestedOn: [HUE_REVIEW_2018], attestedBetween: [HUE_REVIEW_2018_BOUNDS], sources: [D003] },

  // ---------- Nguyễn Trọng Nghĩa (004, at the conference of 11/10/2023) ----------
  // 004: "Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương, Trưởng Ban Chỉ đạo Công tác
  // thông tin đối ngoại" (the committee that organised the national conference: the central one).
  { personId: 'nguyen-trong-nghia', title: 'Bí thư Trung ương Đảng', role: 'SECRETARY', agencyId: 'ban-chap-hanh-tw', attestedOn: [NATIONAL_CONFERENCE_2023], sources: [D004] },
  { personId: 'nguyen-trong-nghia', title: 'Trưởng Ban', role: 'HEAD', agencyId: 'ban-tuyen-giao-tw', attestedOn: [NATIONAL_CONFERENCE_2023], sources: [D004] },
  { personId: 'nguyen-trong-nghia', title: 'Trưởng Ban', role: 'HEAD', committeeId: CENTRAL, attestedOn: [NATIONAL_CONFERENCE_2023], sources: [D004] },
];
