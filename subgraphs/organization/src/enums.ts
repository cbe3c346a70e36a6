import { registerEnumType } from 'type-graphql';

export enum Region {
  NORTH = 'NORTH',
  CENTRAL = 'CENTRAL',
  SOUTH = 'SOUTH',
}
registerEnumType(Region, {
  name: 'Region',
  description: 'The three regions of domain.md rule 8 (25, 19 and 19 provincial units).',
  valuesConfig: {
    NORTH: { description: 'Red River Delta plus the Northern Midlands and Mountains: the 25 northern provinces.' },
    CENTRAL: { description: 'North Central and South Central Coast plus the Central Highlands.' },
    SOUTH: { description: 'The Southeast plus the Mekong Delta.' },
  },
});

export enum CommitteeLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
}
registerEnumType(CommitteeLevel, {
  name: 'CommitteeLevel',
  description: 'The central steering committee, or one of a province or centrally-run city.',
  valuesConfig: {
    CENTRAL: { description: 'The central steering committee (Ban Chỉ đạo Trung ương).' },
    PROVINCIAL: { description: 'The steering committee of a province or centrally-run city (cấp tỉnh).' },
  },
});

export enum AgencyKind {
  PARTY_BODY = 'PARTY_BODY',
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  MINISTRY = 'MINISTRY',
  DEPARTMENT = 'DEPARTMENT',
  PRESS = 'PRESS',
  FOREIGN_MISSION = 'FOREIGN_MISSION',
  OTHER = 'OTHER',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of body an agency is.',
  valuesConfig: {
    PARTY_BODY: { description: 'A central Party body: the Politburo, the Secretariat, the Central Committee, its departments.' },
    PARTY_COMMITTEE: { description: 'A provincial or municipal Party committee (Tỉnh ủy, Thành ủy) or its standing board.' },
    MINISTRY: { description: 'A ministry or central government body (bộ, ngành).' },
    DEPARTMENT: { description: 'A provincial department (sở, ban).' },
    PRESS: { description: 'A press or media organization.' },
    FOREIGN_MISSION: { description: 'Vietnamese missions abroad.' },
    OTHER: { description: 'Anything else, e.g. an assisting working group.' },
  },
});

export enum PositionRole {
  HEAD = 'HEAD',
  STANDING_DEPUTY_HEAD = 'STANDING_DEPUTY_HEAD',
  DEPUTY_HEAD = 'DEPUTY_HEAD',
  MEMBER = 'MEMBER',
  SECRETARY = 'SECRETARY',
  STANDING_DEPUTY_SECRETARY = 'STANDING_DEPUTY_SECRETARY',
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  OTHER = 'OTHER',
}
registerEnumType(PositionRole, {
  name: 'PositionRole',
  description: 'The kind of title a position is; the title itself is kept as written.',
  valuesConfig: {
    HEAD: { description: 'Trưởng ban, Bộ trưởng …' },
    STANDING_DEPUTY_HEAD: { description: 'Phó Trưởng ban Thường trực.' },
    DEPUTY_HEAD: { description: 'Phó Trưởng ban, Thứ trưởng …' },
    MEMBER: { description: 'Ủy viên, thành viên.' },
    SECRETARY: { description: 'Bí thư.' },
    STANDING_DEPUTY_SECRETARY: { description: 'Phó Bí thư Thường trực.' },
    DEPUTY_SECRETARY: { description: 'Phó Bí thư.' },
    OTHER: { description: 'Any other title.' },
  },
});
