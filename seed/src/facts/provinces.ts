/**
 * The 63 provincial-level units as they stood in the years the documents cover (2018–2023),
 * before the 2025 reorganisation, with the region of domain.md rule 8:
 *   NORTH   = Red River Delta + Northern Midlands and Mountains (25)
 *   CENTRAL = North Central + South Central Coast + Central Highlands (19)
 *   SOUTH   = Southeast + Mekong Delta (19)
 *
 * validFrom / validUntil are left empty on purpose: the 2025 changes are not in the five
 * documents, and their exact effective dates differ by unit and by reading (Thừa Thiên Huế
 * became the centrally-run city of Huế from 1 January 2025; the provincial mergers were voted
 * on 12 June 2025 with the new units operating from 1 July 2025, and several merged units kept
 * an old unit's name). Filling them in is left to someone who can cite the resolutions.
 */
import type { ProvinceFact, Region } from './types.js';

const p = (code: string, name: string, region: Region): ProvinceFact => ({ code, name, region });

export const provinces: ProvinceFact[] = [
  // ---- NORTH: Red River Delta (11) ----
  p('ha-noi', 'Hà Nội', 'NORTH'),
  p('hai-phong', 'Hải Phòng', 'NORTH'),
  p('quang-ninh', 'Quảng Ninh', 'NORTH'),
  p('vinh-phuc', 'Vĩnh Phúc', 'NORTH'),
  p('bac-ninh', 'Bắc Ninh', 'NORTH'),
  p('hai-duong', 'Hải Dương', 'NORTH'),
  p('hung-yen', 'Hưng Yên', 'NORTH'),
  p('thai-binh', 'Thái Bình', 'NORTH'),
  p('ha-nam', 'Hà Nam', 'NORTH'),
  p('nam-dinh', 'Nam Định', 'NORTH'),
  p('ninh-binh', 'Ninh Bình', 'NORTH'),
  // ---- NORTH: Northern Midlands and Mountains (14) ----
  p('ha-giang', 'Hà Giang', 'NORTH'),
  p('cao-bang', 'Cao Bằng', 'NORTH'),
  p('bac-kan', 'Bắc Kạn', 'NORTH'),
  p('tuyen-quang', 'Tuyên Quang', 'NORTH'),
  p('lao-cai', 'Lào Cai', 'NORTH'),
  p('yen-bai', 'Yên Bái', 'NORTH'),
  p('thai-nguyen', 'Thái Nguyên', 'NORTH'),
  p('lang-son', 'Lạng Sơn', 'NORTH'),
  p('bac-giang', 'Bắc Giang', 'NORTH'),
  p('phu-tho', 'Phú Thọ', 'NORTH'),
  p('dien-bien', 'Điện Biên', 'NORTH'),
  p('lai-chau', 'Lai Châu', 'NORTH'),
  p('son-la', 'Sơn La', 'NORTH'),
  p('hoa-binh', 'Hòa Bình', 'NORTH'),
  // ---- CENTRAL: North Central (6) ----
  p('thanh-hoa', 'Thanh Hóa', 'CENTRAL'),
  p('nghe-an', 'Nghệ An', 'CENTRAL'),
  p('ha-tinh', 'Hà Tĩnh', 'CENTRAL'),
  p('quang-binh', 'Quảng Bình', 'CENTRAL'),
  p('quang-tri', 'Quảng Trị', 'CENTRAL'),
  p('thua-thien-hue', 'Thừa Thiên Huế', 'CENTRAL'),
  // ---- CENTRAL: South Central Coast (8) ----
  p('da-nang', 'Đà Nẵng', 'CENTRAL'),
  p('quang-nam', 'Quảng Nam', 'CENTRAL'),
  p('quang-ngai', 'Quảng Ngãi', 'CENTRAL'),
  p('binh-dinh', 'Bình Định', 'CENTRAL'),
  p('phu-yen', 'Phú Yên', 'CENTRAL'),
  p('khanh-hoa', 'Khánh Hòa', 'CENTRAL'),
  p('ninh-thuan', 'Ninh Thuận', 'CENTRAL'),
  p('binh-thuan', 'Bình Thuận', 'CENTRAL'),
  // ---- CENTRAL: Central Highlands (5) ----
  p('kon-tum', 'Kon Tum', 'CENTRAL'),
  p('gia-lai', 'Gia Lai', 'CENTRAL'),
  p('dak-lak', 'Đắk Lắk', 'CENTRAL'),
  p('dak-nong', 'Đắk Nông', 'CENTRAL'),
  p('lam-dong', 'Lâm Đồng', 'CENTRAL'),
  // ---- SOUTH: Southeast (6) ----
  p('ho-chi-minh', 'Hồ Chí Minh', 'SOUTH'),
  p('binh-phuoc', 'Bình Phước', 'SOUTH'),
  p('tay-ninh', 'Tây Ninh', 'SOUTH'),
  p('binh-duong', 'Bình Dương', 'SOUTH'),
  p('dong-nai', 'Đồng Nai', 'SOUTH'),
  p('ba-ria-vung-tau', 'Bà Rịa - Vũng Tàu', 'SOUTH'),
  // ---- SOUTH: Mekong Delta (13) ----
  p('can-tho', 'Cần Thơ', 'SOUTH'),
  p('long-an', 'Long An', 'SOUTH'),
  p('tien-giang', 'Tiền Giang', 'SOUTH'),
  p('ben-tre', 'Bến Tre', 'SOUTH'),
  p('tra-vinh', 'Trà Vinh', 'SOUTH'),
  p('vinh-long', 'Vĩnh Long', 'SOUTH'),
  p('dong-thap', 'Đồng Tháp', 'SOUTH'),
  p('an-giang', 'An Giang', 'SOUTH'),
  p('kien-giang', 'Kiên Giang', 'SOUTH'),
  p('hau-giang', 'Hậu Giang', 'SOUTH'),
  p('soc-trang', 'Sóc Trăng', 'SOUTH'),
  p('bac-lieu', 'Bạc Liêu', 'SOUTH'),
  p('ca-mau', 'Cà Mau', 'SOUTH'),
];

