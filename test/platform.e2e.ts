/**
 * The platform end to end: one query through the gateway crosses all three subgraphs, on the
 * seeded data, and the hub's health endpoints answer as orchestrators expect.
 */
import { describe, expect, it } from 'vitest';
import { graphql, hub } from './harness/client.js';

describe('a query across the three subgraphs', () => {
  // Analysts ask: which conference implemented 57-KL/TW, who organized it, how many bridge points.
  it('follows Conclusion → events → organizer committee → its other events', async () => {
    const { status, body } = await graphql(`
      {
        conclusion(number: "57-KL/TW") {
          number
          events {
            kind
            bridgePoints
            organizer { id level name events(first: 5) { totalCount edges { node { id } } } }
            conclusions { number }
          }
        }
      }
    `);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const conclusion = body.data!.conclusion;
    expect(conclusion.number).toBe('57-KL/TW');
    const conference = conclusion.events.find((event: { kind: string }) => event.kind === 'NATIONAL_CONFERENCE');
    expect(conference).toBeDefined();
    expect(conference.conclusions).toContainEqual({ number: '57-KL/TW' });
    expect(conference.organizer).toMatchObject({ id: 'ban-chi-dao-ttdn-tw', level: 'CENTRAL' });
    expect(conference.organizer.name).toMatch(/^Ban Chỉ đạo/);
    expect(conference.organizer.events.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('contributes Committee.events from the events subgraph', async () => {
    const { body } = await graphql(`{ committee(code: "ban-chi-dao-ttdn-tw") { code events { totalCount edges { node { organizer { code } } } } } }`);
    expect(body.errors).toBeUndefined();
    const { events } = body.data!.committee;
    expect(events.totalCount).toBeGreaterThan(0);
    // Every event listed for the committee involves it, as organizer or participant.
    expect(events.edges.length).toBe(Math.min(events.totalCount, 20));
  });
});

describe('health endpoints', () => {
  it('answer live and ready on the gateway and on every subgraph', async () => {
    const bases = [hub().gatewayUrl, ...Object.values(hub().subgraphUrls)].map((url) => url.replace(/\/graphql$/, ''));
    for (const base of bases) {
      for (const path of ['/health/live', '/health/ready']) {
        const response = await fetch(`${base}${path}`);
        expect(response.status, `${base}${path}`).toBe(200);
      }
    }
  });
});
