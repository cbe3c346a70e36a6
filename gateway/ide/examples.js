// Example queries, named in the domain's terms: each tab of the IDE opens on one of them.
export const EXAMPLES = [
  {
    query: `# Conclusion 57-KL/TW and the events that took it up
query ConclusionAndItsEvents {
  conclusion(number: "57-KL/TW") {
    number
    title
    events {
      title
      date { text iso }
      bridgePoints
      namedBridgePoints { title agency { name } }
      organizer { name }
      participants { roles title person { fullName } }
    }
  }
}
`,
  },
  {
    query: `# The northern region's provincial committees and their events
query NorthernCommittees {
  committees(filter: { region: NORTH }, first: 30) {
    totalCount
    edges { node { name province { name } participations { roles event { title } } } }
  }
}
`,
  },
  {
    query: `# Search the source documents: words without diacritics, "phrases" in order
query SearchDocuments {
  searchDocuments(query: "\\"bao chi nuoc ngoai\\"") {
    totalCount
    edges { node { score snippet document { title publishedOn { iso } } } }
  }
}
`,
  },
  {
    query: `# Events from 2020 on, including those whose date the sources only bound
query EventsFrom2020 {
  events(filter: { from: "2020-01-01" }) {
    edges { node { title date { text iso } dateBounds { earliest latest reasoning } } }
  }
}
`,
  },
  {
    query: `# Who did what: Phạm Văn Linh's roles at each event
query PersonParticipations {
  person(id: "pham-van-linh") {
    fullName
    positions { title committee { name } agency { name } }
    participations { roles event { title date { text } } }
  }
}
`,
  },
  {
    query: `# Counting: events per year, kind and organizer; committees per region
query Statistics {
  eventStatistics { total unknownYear perYear { year count dated fromBounds } perKind { kind count } }
  committeeStatistics { perRegion { region committees withEvents withoutEvents events } }
  documentStatistics { total perYear { year count } unknownYear }
}
`,
  },
];
