import { registerEnumType } from 'type-graphql';

export enum EventKind {
  BRIEFING = 'BRIEFING',
  CONFERENCE = 'CONFERENCE',
  NATIONAL_CONFERENCE = 'NATIONAL_CONFERENCE',
  REVIEW_MEETING = 'REVIEW_MEETING',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What kind of meeting an event was.',
  valuesConfig: {
    BRIEFING: { description: 'A periodic briefing (giao ban).' },
    CONFERENCE: { description: 'A conference (hội nghị).' },
    NATIONAL_CONFERENCE: { description: 'A national conference, often with video bridge points (hội nghị toàn quốc).' },
    REVIEW_MEETING: { description: 'An interim or final review of a period (sơ kết, tổng kết).' },
    OTHER: { description: 'Anything else.' },
  },
});

export enum ParticipantRole {
  CHAIR = 'CHAIR',
  SPEAKER = 'SPEAKER',
  REPORTER = 'REPORTER',
  CONCLUDING_REMARKS = 'CONCLUDING_REMARKS',
  ATTENDEE = 'ATTENDEE',
}
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'What a participant did at an event.',
  valuesConfig: {
    CHAIR: { description: 'Chaired the meeting (chủ trì).' },
    SPEAKER: { description: 'Spoke or gave direction (phát biểu, chỉ đạo).' },
    REPORTER: { description: 'Presented a report (báo cáo, trình bày).' },
    CONCLUDING_REMARKS: { description: 'Gave the concluding remarks (phát biểu kết luận).' },
    ATTENDEE: { description: 'Attended (tới dự, tham dự).' },
  },
});

export enum DateMatch {
  POSSIBLE = 'POSSIBLE',
  CERTAIN = 'CERTAIN',
}
registerEnumType(DateMatch, {
  name: 'DateMatch',
  description: 'How a date filter treats events whose date is only partly known.',
  valuesConfig: {
    POSSIBLE: { description: 'Events that may have taken place in the range: their known date, or the bounds their sources support, overlap it.' },
    CERTAIN: { description: 'Only events that certainly took place in the range: their earliest and latest possible days both fall in it.' },
  },
});

export enum EventOrder {
  DATE_DESC = 'DATE_DESC',
  DATE_ASC = 'DATE_ASC',
}
registerEnumType(EventOrder, {
  name: 'EventOrder',
  description: 'The order of a list of events; events whose year is unknown come last either way.',
  valuesConfig: {
    DATE_DESC: { description: 'Newest first.' },
    DATE_ASC: { description: 'Oldest first.' },
  },
});

/** Organization's regions, for the region filter (the same enum as organization's, so the two compose). */
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
