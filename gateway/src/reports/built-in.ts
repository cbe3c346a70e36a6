/**
 * The reports every hub has, whatever the registry holds: always listed, never removable, and a
 * saved report cannot take their names. Each is an ordinary report (query, rows, columns), so
 * it is checked against the schema like any other and doubles as an example to copy.
 */
import type { ReportSpec } from './report-definition.js';

const col = (path: string, header: string) => ({ path, header });

export const BUILT_IN_REPORTS: readonly ReportSpec[] = [
  {
    name: 'committee-roster',
    description: 'One row per steering committee: its level, province and region, the officials the sources name with their titles (in the same order, joined by "; "), and how many events it organized or took part in.',
    query: `query CommitteeRoster($level: CommitteeLevel, $region: Region, $first: Int = 100) {
  committees(filter: { level: $level, region: $region }, first: $first) {
    edges {
      node {
        code
        name
        level
        province { name region }
        positions { title person { fullName } }
        events { totalCount }
      }
    }
  }
}`,
    columns: [
      col('code', 'code'),
      col('name', 'committee'),
      col('level', 'level'),
      col('province.name', 'province'),
      col('province.region', 'region'),
      col('positions.person.fullName', 'officials'),
      col('positions.title', 'titles'),
      col('events.totalCount', 'events'),
    ],
  },
  {
    name: 'events-with-participants',
    description: 'One row per participation: the event (id, title, kind, date, place, organizer) beside who took part and as what. Events without a named participant give no row.',
    query: `query EventsWithParticipants($year: Int, $kind: EventKind, $first: Int = 100) {
  events(filter: { year: $year, kind: $kind }, first: $first, orderBy: DATE_ASC) {
    edges {
      node {
        id
        title
        kind
        date { iso text }
        location
        organizer { name }
        participants {
          role
          title
          person { fullName }
          committee { name }
          agency { name }
        }
      }
    }
  }
}`,
    explode: ['participants'],
    columns: [
      col('id', 'event id'),
      col('title', 'event'),
      col('kind', 'kind'),
      col('date.iso', 'date'),
      col('date.text', 'date as written'),
      col('location', 'location'),
      col('organizer.name', 'organizer'),
      col('participants.role', 'role'),
      col('participants.title', 'title'),
      col('participants.person.fullName', 'person'),
      col('participants.committee.name', 'committee'),
      col('participants.agency.name', 'agency'),
    ],
  },
  {
    name: 'people-with-positions',
    description: 'One row per title a person held: the person, the title and its kind, the committee or agency, and since/until as the sources give them. People with no title give no row.',
    query: `query PeopleWithPositions($first: Int = 100) {
  people(first: $first) {
    edges {
      node {
        id
        fullName
        positions {
          title
          role
          committee { name }
          agency { name }
          since { text iso }
          until { text iso }
        }
      }
    }
  }
}`,
    explode: ['positions'],
    columns: [
      col('id', 'person id'),
      col('fullName', 'person'),
      col('positions.title', 'title'),
      col('positions.role', 'role'),
      col('positions.committee.name', 'committee'),
      col('positions.agency.name', 'agency'),
      col('positions.since.text', 'since'),
      col('positions.until.text', 'until'),
    ],
  },
  {
    name: 'documents',
    description: 'One row per source document: title, date, publisher, and the records its text mentions (joined by "; "; empty until the text is imported).',
    query: `query Documents($first: Int = 100) {
  documents(first: $first) {
    edges {
      node {
        id
        title
        publishedOn { iso text }
        publisher
        mentions { name kind }
      }
    }
  }
}`,
    columns: [
      col('id', 'id'),
      col('title', 'title'),
      col('publishedOn.iso', 'date'),
      col('publishedOn.text', 'date as written'),
      col('publisher', 'publisher'),
      col('mentions.name', 'mentions'),
      col('mentions.kind', 'mention kinds'),
    ],
  },
];

export const BUILT_IN_NAMES = new Set(BUILT_IN_REPORTS.map((report) => report.name));
