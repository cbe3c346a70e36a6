/**
 * The shape of the hand-written seed: facts the five source documents state, each with the
 * documents it comes from. Identifiers are stable natural keys (ASCII slugs) and become the
 * records' ids, so seeding twice writes the same records. See ../../README.md for the rules.
 */

/** The id of a SourceDocumentFact. */
export type DocId = string;

export type Region = 'NORTH' | 'CENTRAL' | 'SOUTH';
export type CommitteeLevel = 'CENTRAL' | 'PROVINCIAL';
export type AgencyKind = 'PARTY_BODY' | 'PARTY_COMMITTEE' | 'MINISTRY' | 'DEPARTMENT' | 'PRESS' | 'FOREIGN_MISSION' | 'OTHER';
export type PositionRole =
  | 'HEAD' | 'STANDING_DEPUTY_HEAD' | 'DEPUTY_HEAD' | 'MEMBER'
  | 'SECRETARY' | 'STANDING_DEPUTY_SECRETARY' | 'DEPUTY_SECRETARY' | 'OTHER';
export type EventKind = 'BRIEFING' | 'CONFERENCE' | 'NATIONAL_CONFERENCE' | 'REVIEW_MEETING' | 'OTHER';
export type ParticipantRole = 'CHAIR' | 'SPEAKER' | 'REPORTER' | 'CONCLUDING_REMARKS' | 'ATTENDEE';

/** Each part optional: only what the source states. `text` is the date as the source wrote it. */
/** The days something may have happened on when the sources do not date it, and why. */
export interface DateBoundsFact {
  earliest?: string;
  latest?: string;
  reasoning: string;
}

export interface PartialDateFact {
  year?: number;
  month?: number;
  day?: number;
  text?: string;
}

export interface TopicFact {
  code: string;
  name: string;
  nameEn?: string;
}

export interface SourceDocumentFact {
  id: DocId;
  /** File name under ../shared/seed-documents/, read at run time by imports and tests. */
  file: string;
  title: string;
  publisher?: string;
  author?: string;
  publishedOn?: PartialDateFact;
  language: 'vi';
  /** Our own words, never the document's text. */
  summary: string;
  topics: string[];
}

export interface ProvinceFact {
  code: string;
  name: string;
  region: Region;
  /** Validity of the unit as an administrative unit, where known (provinces merged in 2025). */
  validFrom?: PartialDateFact;
  validUntil?: PartialDateFact;
}

export interface CommitteeFact {
  id: string;
  name: string;
  nameEn?: string;
  level: CommitteeLevel;
  provinceCode?: string;
  parentId?: string;
  standingAgencyId?: string;
  memberAgencyIds: string[];
  sources: DocId[];
}

export interface AgencyFact {
  id: string;
  name: string;
  nameEn?: string;
  kind: AgencyKind;
  parentId?: string;
  provinceCode?: string;
  sources: DocId[];
}

export interface PersonFact {
  id: string;
  fullName: string;
  sources: DocId[];
}

/** A title a person held in exactly one committee or agency. */
export interface PositionFact {
  personId: string;
  title: string;
  role: PositionRole;
  committeeId?: string;
  agencyId?: string;
  since?: PartialDateFact;
  until?: PartialDateFact;
  /** Dates on which a source shows the person holding it (the event's date), when since/until are unknown. */
  attestedOn?: PartialDateFact[];
  /** When that event's date is not given: the days it may have taken place on, and why (as the event's own dateBounds). */
  attestedBetween?: DateBoundsFact[];
  sources: DocId[];
}

export interface ParticipantFact {
  /** Everything the person or body did there, in the order the sources show it: one entry each. */
  roles: ParticipantRole[];
  /** As written in the source. */
  title?: string;
  personId?: string;
  committeeId?: string;
  agencyId?: string;
}

export interface PeriodFact {
  from?: PartialDateFact;
  to?: PartialDateFact;
}

export interface EventFact {
  id: string;
  title: string;
  kind: EventKind;
  date: PartialDateFact;
  location?: string;
  provinceCode?: string;
  organizerId?: string;
  participants: ParticipantFact[];
  attendingCommitteeCount?: number;
  bridgePoints?: number;
  /** The bridge points a source names, as the bodies that hosted them. */
  namedBridgePoints?: ParticipantFact[];
  /** For an event without a (full) date: the days the sources allow, and the passages that say so. */
  dateBounds?: DateBoundsFact;
  reviewPeriod?: PeriodFact;
  /** Key tasks the meeting set, in the source's order, in our own words. */
  tasks: string[];
  conclusionIds: string[];
  strategyIds: string[];
  sources: DocId[];
}

export interface ConclusionFact {
  id: string;
  number: string;
  title: string;
  issuedById?: string;
  issuedOn?: PartialDateFact;
  summary?: string;
  strategyId?: string;
  topics: string[];
  sources: DocId[];
}

export interface StrategyFact {
  id: string;
  code: string;
  title: string;
  startYear: number;
  endYear: number;
  predecessorId?: string;
  topics: string[];
  sources: DocId[];
}
