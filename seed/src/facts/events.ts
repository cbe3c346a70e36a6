/**
 * The meetings the documents report, one record per real-world meeting.
 *
 * 000 and 001 report the same meeting: both say the Central Steering Committee held the
 * briefing ("giao ban") of the northern provinces' and cities' steering committees in Hà Nội on
 * 10 November ("Ngày 10-11" / "Ngày 10/11"), with Phạm Văn Linh and Ngô Thị Thanh Hằng present
 * under the same titles — one event with both documents as sources. The other three documents
 * report three different meetings.
 *
 * Dates hold only the parts a text states: 000/001 give no year, 002 and 003 give no date at
 * all (002's "6 tháng đầu năm 2020" is the period reviewed, not the meeting's date): their
 * date is empty, every part unknown.
 * Participants: a person who chaired is recorded as CHAIR (not also as ATTENDEE); a person who
 * both reported and spoke gets one entry per role. Titles are as written in the cited passage.
 * Tasks are the source's own words for each task, cut to the task (the sentence around it left
 * out), in the order the source gives them.
 */
import { committees } from './committees.js';
import { provinces } from './provinces.js';
import type { EventFact } from './types.js';

/** The provincial committees of the northern region's 25 provinces (domain.md rule 8). */
const NORTHERN_COMMITTEES = committees
  .filter((committee) => committee.level === 'PROVINCIAL' && provinces.find((province) => province.code === committee.provinceCode)?.region === 'NORTH')
  .map((committee) => committee.id);

const CENTRAL = 'ban-chi-dao-ttdn-tw';

const D000 = 'doc-giao-ban-phia-bac';
const D001 = 'doc-ha-noi-thong-tin-doi-ngoai';
const D002 = 'doc-so-ket-6-thang-dau-nam-2020';
const D003 = 'doc-thua-thien-hue-2018';
const D004 = 'doc-hoi-nghi-toan-quoc-ket-luan-57';

export const events: EventFact[] = [
  // ---------------------------------------------------------------------------------------
  {
    id: 'giao-ban-ttdn-khu-vuc-phia-bac',
    title: 'Hội nghị giao ban Ban Chỉ đạo Công tác thông tin đối ngoại các tỉnh, thành phố khu vực phía Bắc',
    // "giao ban" (000: "hội nghị giao ban"; 001: "Hội nghị Giao ban").
    kind: 'BRIEFING',
    // 000: "Ngày 10-11"; 001: "Ngày 10/11". Neither states the year.
    date: { month: 11, day: 10, text: 'Ngày 10-11' },
    // 000, 001: "tại Hà Nội".
    location: 'Hà Nội',
    provinceCode: 'ha-noi',
    // 000: "Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư tổ chức hội nghị giao ban"; 001 idem.
    organizerId: CENTRAL,
    participants: [
      // 001: "Đồng chí Phạm Văn Linh, ... và đồng chí Ngô Thị Thanh Hằng, ... chủ trì Hội nghị."
      // 001: "Đồng chí Phạm Văn Linh ... chủ trì Hội nghị"; 000: "Phát biểu ý kiến kết luận hội
      // nghị, đồng chí Phạm Văn Linh nhấn mạnh" — one participant, both roles.
      {
        roles: ['CHAIR', 'CONCLUDING_REMARKS'],
        title: 'Phó trưởng Ban Tuyên giáo Trung ương, Phó trưởng Ban Thường trực Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương',
        personId: 'pham-van-linh',
        committeeId: CENTRAL,
        agencyId: 'ban-tuyen-giao-tw',
      },
      // 001: she "chủ trì Hội nghị", reported ("Báo cáo về kết quả thông tin đối ngoại, Phó Bí thư
      // Thường trực Thành ủy Ngô Thị Thanh Hằng") and spoke ("phát biểu tại hội nghị").
      {
        roles: ['CHAIR', 'REPORTER', 'SPEAKER'],
        title: 'Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Hà Nội',
        personId: 'ngo-thi-thanh-hang',
        agencyId: 'thanh-uy-ha-noi',
      },
      // 000: "Tới dự, có các đồng chí Ủy viên T.Ư Đảng: Võ Văn Phuông, ...".
      {
        roles: ['ATTENDEE'],
        title: 'Ủy viên T.Ư Đảng, Phó Trưởng Ban Tuyên giáo T.Ư, Phó Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại',
        personId: 'vo-van-phuong',
        committeeId: CENTRAL,
        agencyId: 'ban-tuyen-giao-tw',
      },
      // 000: the member ministries' and bodies' representatives, and the 25 northern committees.
      {
        roles: ['ATTENDEE'],
        title: 'đại diện lãnh đạo các bộ, ban, ngành là thành viên Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư',
        committeeId: CENTRAL,
      },
      // 000: "đại biểu của 25 Ban Chỉ đạo các tỉnh, thành phố khu vực phía bắc": the 25
      // provincial committees of the northern region (domain.md rule 8), each a participant.
      ...NORTHERN_COMMITTEES.map((committeeId) => ({ roles: ['ATTENDEE' as const], title: 'đại biểu của 25 Ban Chỉ đạo các tỉnh, thành phố khu vực phía bắc', committeeId })),
    ],
    // 000: "đại biểu của 25 Ban Chỉ đạo các tỉnh, thành phố khu vực phía bắc".
    attendingCommitteeCount: 25,
    tasks: [
      // 000, Phạm Văn Linh's concluding remarks, in order:
      'Nâng cao chất lượng công tác chỉ đạo, kiểm tra, giám sát việc triển khai các hoạt động thông tin đối ngoại',
      'Khẩn trương hoàn thiện tổ chức, cơ chế chỉ đạo, phối hợp hoạt động thông tin đối ngoại',
      'Đổi mới, nâng cao hơn nữa tính chủ động, kế hoạch trong hoạt động của Ban Chỉ đạo Công tác thông tin đối ngoại các tỉnh, thành phố',
      'Quan tâm bồi dưỡng kiến thức cho đội ngũ cán bộ làm công tác đối ngoại, tuyên truyền đối ngoại ở địa phương',
      'Tiếp tục đổi mới nội dung, phương thức các hoạt động thông tin đối ngoại',
      // 001, his further proposals, in order (the two above that 001 repeats are not repeated):
      'Tăng cường thông tin bằng tiếng nước ngoài',
      'Tận dụng tốt hơn nữa vai trò quan trọng của báo chí nước ngoài, các cơ quan đại diện của nước ngoài đóng trên địa bàn trong việc quảng bá du lịch, xúc tiến đầu tư ở địa phương',
      'Nâng cao hơn nữa chất lượng công tác dự báo tình hình, tham mưu chỉ đạo định hướng đối với một số vấn đề quan trọng, phức tạp mới nảy sinh trên địa bàn',
    ],
    conclusionIds: [],
    strategyIds: [],
    sources: [D000, D001],
  },

  // ---------------------------------------------------------------------------------------
  {
    id: 'so-ket-bcd-ttdn-tw-6-thang-dau-nam-2020',
    title: 'Kỳ họp sơ kết công tác 6 tháng đầu năm 2020 của Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương',
    // 002: "họp sơ kết công tác 6 tháng đầu năm 2020".
    kind: 'REVIEW_MEETING',
    // 002 gives no date and no place for the session (the page header "24/1/2021" is the page's
    // date). No year is inferred from the period reviewed. The seed validator refuses a date
    // with no part at all, so `text` says that the source gives none (no year/month/day set).
    date: {},
    // 002 reviews "6 tháng đầu năm 2020" and sets "nhiệm vụ trọng tâm 6 tháng cuối năm": held
    // after the first half of 2020 ended and before the second half did.
    dateBounds: {
      earliest: '2020-07-01',
      latest: '2020-12-31',
      reasoning: '002: the meeting reviewed the first half of 2020 ("6 tháng đầu năm 2020"), so it was held after June 2020, and set the tasks for the last six months of the year ("6 tháng cuối năm"), so before 2020 ended.',
    },
    // 002 headline: the Central Steering Committee "họp sơ kết".
    organizerId: CENTRAL,
    participants: [
      // 002: "Đồng chí Võ Văn Thưởng phát biểu chỉ đạo kỳ họp." No chair is named.
      {
        roles: ['SPEAKER'],
        title: 'Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương, Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương',
        personId: 'vo-van-thuong',
        committeeId: CENTRAL,
        agencyId: 'ban-tuyen-giao-tw',
      },
      // 002: "Tham dự Kỳ họp có các đồng chí thành viên Ban Chỉ đạo ..., thành viên Nhóm Giúp
      // việc, đại diện một số ban, bộ, ngành liên quan và lãnh đạo một số vụ, đơn vị thuộc Ban
      // Tuyên giáo Trung ương."
      { roles: ['ATTENDEE'], title: 'các đồng chí thành viên Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương', committeeId: CENTRAL },
      { roles: ['ATTENDEE'], title: 'thành viên Nhóm Giúp việc', agencyId: 'nhom-giup-viec' },
      { roles: ['ATTENDEE'], title: 'đại diện một số ban, bộ, ngành liên quan' },
      { roles: ['ATTENDEE'], title: 'lãnh đạo một số vụ, đơn vị thuộc Ban Tuyên giáo Trung ương', agencyId: 'ban-tuyen-giao-tw' },
    ],
    // 002: results "6 tháng đầu năm 2020".
    reviewPeriod: { from: { year: 2020, month: 1 }, to: { year: 2020, month: 6 } },
    tasks: [
      // 002, Võ Văn Thưởng's priorities for the coming period, in order:
      'Đẩy mạnh nghiên cứu, dự báo và chia sẻ kết quả giữa các cơ quan thành viên, tạo lập luận chung có cơ sở khoa học cho cả quảng bá lẫn đấu tranh với quan điểm sai trái, thù địch',
      'Cơ quan thành viên đóng góp nhiều hơn, dùng tốt cơ chế giao ban định kỳ để chia sẻ thông tin, nhận định, dự báo sớm hơn',
      'Làm mới các kênh tuyên truyền: sáng tạo, nhiều hình thức, linh hoạt hơn',
      'Lực lượng làm thông tin đối ngoại đổi mới, tiến công hơn, giữ thông tin hài hòa và phát huy báo chí nước ngoài',
      'Đánh giá sâu tình hình, cơ hội, thách thức; tổng kết 10 năm Kết luận của Bộ Chính trị về Chiến lược 2011-2020 để làm cơ sở xây dựng Chiến lược truyền thông đối ngoại 2021-2030',
      'Tìm thêm hình thức lan tỏa Giải thưởng toàn quốc về thông tin đối ngoại, nâng chất lượng và sức hấp dẫn của giải',
    ],
    conclusionIds: [],
    // 002 names both strategies in the fifth task.
    strategyIds: ['chien-luoc-ttdn-2011-2020', 'chien-luoc-ttdn-2021-2030'],
    sources: [D002],
  },

  // ---------------------------------------------------------------------------------------
  {
    id: 'hoi-nghi-bcd-ttdn-thua-thien-hue-ket-qua-2018',
    title: 'Hội nghị Ban Chỉ đạo Công tác thông tin đối ngoại tỉnh Thừa Thiên Huế đánh giá kết quả năm 2018, triển khai nhiệm vụ năm 2019',
    // A meeting reviewing the committee's 2018 results (domain.md: "a provincial review in
    // Thừa Thiên Huế"); the text calls it "Hội nghị" and does not use "tổng kết".
    kind: 'REVIEW_MEETING',
    // 003 gives no date and no place; the province is therefore not set either (only the
    // organiser's province is known). As above, `text` only says that no date is given.
    date: {},
    // 003 reviews the committee's results "trong năm 2018" and sets its tasks for 2019.
    dateBounds: {
      earliest: '2019-01-01',
      latest: '2019-12-31',
      reasoning: '003: the meeting reviewed the results of the whole year 2018 ("kết quả hoạt động của Ban Chỉ đạo trong năm 2018"), so it was held after 2018 ended, and heard the tasks "sẽ triển khai trong năm 2019" (still to be carried out in 2019), so it was held before 2019 ended.',
    },
    // 003 does not say in so many words who organised it; the meeting hears the report of "Ban
    // Chỉ đạo" on its own year and directs it: Thừa Thiên Huế's steering committee.
    organizerId: 'ban-chi-dao-ttdn-thua-thien-hue',
    participants: [
      // 003: "nghe đồng chí Lê Xuân Hiền - Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Phó Trưởng ban
      // Thường trực Ban Chỉ đạo báo cáo kết quả hoạt động".
      {
        roles: ['REPORTER'],
        title: 'Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Phó Trưởng ban Thường trực Ban Chỉ đạo',
        personId: 'le-xuan-hien',
        committeeId: 'ban-chi-dao-ttdn-thua-thien-hue',
        agencyId: 'ban-tuyen-giao-tinh-uy-thua-thien-hue',
      },
      // 003: "Phát biểu chỉ đạo tại hội nghị, đồng chí Phó Bí thư Thường trực Tỉnh ủy" (not named).
      { roles: ['SPEAKER'], title: 'Phó Bí thư Thường trực Tỉnh ủy Thừa Thiên Huế', agencyId: 'tinh-uy-thua-thien-hue' },
    ],
    // 003: "kết quả hoạt động của Ban Chỉ đạo trong năm 2018".
    reviewPeriod: { from: { year: 2018, month: 1 }, to: { year: 2018, month: 12 } },
    tasks: [
      // 003, the committee's plan for 2019 ("Năm 2019, Ban Chỉ đạo xác định sẽ ..."), in order:
      'Tăng cường đổi mới hơn nữa phương thức hoạt động nhằm đáp ứng tình hình thực tiễn của tỉnh và những yêu cầu của tình hình mới',
      'Chủ động, nâng cao hơn nữa công tác tham mưu cho Ban Thường vụ Tỉnh ủy',
      'Đẩy mạnh công tác tuyên truyền, quảng bá hình ảnh vùng đất, con người, lịch sử, văn hóa Huế',
      'Tiếp tục củng cố và tăng cường mối quan hệ với các nước trong khu vực và trên thế giới, đặc biệt là mối quan hệ với nước bạn Lào',
      'Chủ động hơn nữa trong công tác dự báo tình hình, đấu tranh với các thế lực cơ hội, thù địch',
      // then the standing deputy party secretary's directions, in order:
      'Phát huy kết quả đã có; bám sát mục tiêu, nhiệm vụ năm 2019 của tỉnh để đổi mới cách làm thông tin đối ngoại theo từng đối tượng, địa bàn, thời điểm, theo phương châm "chính xác, kịp thời, linh hoạt, phù hợp với từng đối tượng"',
      'Tăng cường tuyên truyền về tiềm năng, thế mạnh của tỉnh để tranh thủ sự ủng hộ của bạn bè quốc tế và kiều bào trong phát triển kinh tế - xã hội',
      'Chủ động cung cấp thông tin, kể cả thông tin chính thống và thông tin đấu tranh, phản bác để làm chủ trên mặt trận thông tin',
      'Đẩy mạnh hơn nữa công tác thông tin đối ngoại bằng tiếng nước ngoài và thông tin hướng về cơ sở',
      'Gắn kết đối ngoại Đảng, ngoại giao Nhà nước với đối ngoại nhân dân',
      'Quan tâm đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác thông tin đối ngoại đảm bảo ngang tầm nhiệm vụ, năng động, sáng tạo và nhạy cảm',
    ],
    conclusionIds: [],
    strategyIds: [],
    sources: [D003],
  },

  // ---------------------------------------------------------------------------------------
  {
    id: 'hoi-nghi-toan-quoc-ket-luan-57-kl-tw',
    title: 'Hội nghị toàn quốc nghiên cứu, triển khai Kết luận số 57-KL/TW của Bộ Chính trị',
    // 004: "Hội nghị toàn quốc".
    kind: 'NATIONAL_CONFERENCE',
    // 004: "Chiều 11/10/2023, tại Hà Nội".
    date: { year: 2023, month: 10, day: 11, text: 'Chiều 11/10/2023' },
    location: 'Hà Nội',
    provinceCode: 'ha-noi',
    // 004: "Ban Chỉ đạo Công tác thông tin đối ngoại tổ chức Hội nghị toàn quốc"; its head is
    // Nguyễn Trọng Nghĩa, and the text contrasts "Ban Chỉ đạo ở Trung ương" with those of the
    // provinces: the central committee.
    organizerId: CENTRAL,
    participants: [
      // 004: "lãnh đạo Ban Chỉ đạo Công tác thông tin đối ngoại đã trình bày những nội dung cốt
      // lõi và Hướng dẫn triển khai Kết luận số 57-KL/TW" (not named).
      { roles: ['REPORTER'], title: 'lãnh đạo Ban Chỉ đạo Công tác thông tin đối ngoại', committeeId: CENTRAL },
      // 004: "Phát biểu kết luận Hội nghị, đồng chí Nguyễn Trọng Nghĩa, ...". No chair is named.
      {
        roles: ['CONCLUDING_REMARKS'],
        title: 'Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương, Trưởng Ban Chỉ đạo Công tác thông tin đối ngoại',
        personId: 'nguyen-trong-nghia',
        committeeId: CENTRAL,
        agencyId: 'ban-tuyen-giao-tw',
      },
      // 004: "Tại điểm cầu Bộ Công an, tham dự Hội nghị có các đồng chí trong Đảng ủy Công an
      // Trung ương, lãnh đạo các đơn vị thuộc Bộ Công an."
      { roles: ['ATTENDEE'], title: 'các đồng chí trong Đảng ủy Công an Trung ương', agencyId: 'dang-uy-cong-an-tw' },
      { roles: ['ATTENDEE'], title: 'lãnh đạo các đơn vị thuộc Bộ Công an', agencyId: 'bo-cong-an' },
      // 004: "kết nối trực tuyến với các cơ quan đại diện Việt Nam tại nước ngoài".
      { roles: ['ATTENDEE'], title: 'các cơ quan đại diện Việt Nam tại nước ngoài', agencyId: 'co-quan-dai-dien-viet-nam-tai-nuoc-ngoai' },
    ],
    // 004: "truyền hình trực tuyến đến 63 điểm cầu tại tỉnh ủy, thành ủy, Đảng ủy trực thuộc
    // Trung ương" (plus the online link to the missions abroad, not counted in the 63).
    // No number of attending steering committees is given.
    bridgePoints: 63,
    // 004: "Tại điểm cầu Bộ Công an, tham dự Hội nghị có ..." — the one bridge point it names.
    namedBridgePoints: [{ roles: ['ATTENDEE'], title: 'điểm cầu Bộ Công an', agencyId: 'bo-cong-an' }],
    tasks: [
      // 004, Nguyễn Trọng Nghĩa's concluding requests, in order:
      'Lãnh đạo các cơ quan thành viên ở Trung ương và Ban Chỉ đạo các tỉnh, thành phố đề cao trách nhiệm lãnh đạo, chỉ đạo; tổ chức học tập, quán triệt, tuyên truyền và thực hiện Kết luận 57-KL/TW',
      'Rà soát, kiện toàn Ban Chỉ đạo Công tác thông tin đối ngoại các cấp, từ Trung ương đến cơ sở, và nâng hiệu quả chỉ đạo',
      'Tiếp tục xây dựng và đào tạo lực lượng cán bộ thông tin đối ngoại',
      'Huy động nguồn lực trong và ngoài nước cho thông tin đối ngoại, góp phần đạt các mục tiêu Đại hội XIII đề ra đến năm 2030, tầm nhìn 2045',
    ],
    // 004: the conference studied and rolled out 57-KL/TW. No strategy is named.
    conclusionIds: ['57-kl-tw'],
    strategyIds: [],
    sources: [D004],
  },
];
