import { describe, expect, it } from 'vitest';
import { FetchMerging, type SubgraphAnswer } from './fetch-merging.js';

/**
 * A subgraph as the gateway sees it over the wire: it records each HTTP body it gets and answers
 * each operation with its own body echoed back (a batch with one answer per operation, as
 * Apollo Server does), after a short delay so that fetches overlap.
 */
function subgraph(answer?: (body: string) => SubgraphAnswer | Promise<SubgraphAnswer>) {
  const bodies: string[] = [];
  const echo = (body: string): SubgraphAnswer => {
    const parsed: unknown = JSON.parse(body);
    const text = Array.isArray(parsed) ? JSON.stringify(parsed.map((operation) => ({ data: { echo: operation } }))) : JSON.stringify({ data: { echo: parsed } });
    return { status: 200, statusText: 'OK', contentType: 'application/json', text };
  };
  const send = async (body: string) => {
    bodies.push(body);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return (answer ?? echo)(body);
  };
  return { bodies, send };
}

const fetchOf = (query: string, group: string, readOnly = true) => ({ body: JSON.stringify({ query }), identity: 'reader', group, readOnly });
const echoed = (answer: SubgraphAnswer) => (JSON.parse(answer.text) as { data: { echo: { query: string } } }).data.echo.query;

describe('batching the fetches of one plan step', () => {
  it("sends one request's fetches of the same tick as one array, each fetch getting its own answer", async () => {
    const { bodies, send } = subgraph();
    const merging = new FetchMerging({ send, batch: true, deduplicate: false });
    const answers = await Promise.all([merging.fetch(fetchOf('{ a }', '1')), merging.fetch(fetchOf('{ b }', '1')), merging.fetch(fetchOf('{ c }', '1'))]);
    expect(bodies).toEqual(['[{"query":"{ a }"},{"query":"{ b }"},{"query":"{ c }"}]']);
    expect(answers.map(echoed)).toEqual(['{ a }', '{ b }', '{ c }']);
  });

  it('never puts fetches of two client requests in one batch', async () => {
    const { bodies, send } = subgraph();
    const merging = new FetchMerging({ send, batch: true, deduplicate: false });
    await Promise.all([merging.fetch(fetchOf('{ a }', '1')), merging.fetch(fetchOf('{ b }', '2'))]);
    expect(bodies.sort()).toEqual(['{"query":"{ a }"}', '{"query":"{ b }"}']);
  });

  it('sends one request per fetch to a subgraph that does not take batches', async () => {
    const { bodies, send } = subgraph();
    const merging = new FetchMerging({ send, batch: false, deduplicate: false });
    await Promise.all([merging.fetch(fetchOf('{ a }', '1')), merging.fetch(fetchOf('{ b }', '1'))]);
    expect(bodies).toHaveLength(2);
  });

  it("gives a refusal of the whole batch to each fetch, and fails each when the answer is not one per operation", async () => {
    const refusal = { status: 401, statusText: 'Unauthorized', contentType: 'application/json', text: '{"errors":[{"message":"Refused"}]}' };
    const refused = new FetchMerging({ send: subgraph(() => refusal).send, batch: true, deduplicate: false });
    expect(await Promise.all([refused.fetch(fetchOf('{ a }', '1')), refused.fetch(fetchOf('{ b }', '1'))])).toEqual([refusal, refusal]);

    const short = { status: 200, statusText: 'OK', contentType: 'application/json', text: '[{"data":{}}]' };
    const broken = new FetchMerging({ send: subgraph(() => short).send, batch: true, deduplicate: false });
    const outcomes = await Promise.allSettled([broken.fetch(fetchOf('{ a }', '1')), broken.fetch(fetchOf('{ b }', '1'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('not a list of 2 answers');
  });

  it('keeps the answers of a batch apart when the subgraph refused one operation of it', async () => {
    const mixed = { status: 400, statusText: 'Bad Request', contentType: 'application/json', text: '[{"data":{"a":1}},{"errors":[{"message":"Cannot query field"}]}]' };
    const merging = new FetchMerging({ send: subgraph(() => mixed).send, batch: true, deduplicate: false });
    const [good, refused] = await Promise.all([merging.fetch(fetchOf('{ a }', '1')), merging.fetch(fetchOf('{ b }', '1'))]);
    expect(good).toMatchObject({ status: 200, text: '{"data":{"a":1}}' });
    expect(refused).toMatchObject({ status: 400, text: '{"errors":[{"message":"Cannot query field"}]}' });
  });

  it('fails every fetch of a batch whose request failed', async () => {
    const merging = new FetchMerging({ send: async () => Promise.reject(new Error('connect ECONNREFUSED')), batch: true, deduplicate: false });
    const outcomes = await Promise.allSettled([merging.fetch(fetchOf('{ a }', '1')), merging.fetch(fetchOf('{ b }', '1'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('merging identical fetches in flight', () => {
  it('sends an identical read once while it is in flight, counting the merged ones, and again once it is answered', async () => {
    const { bodies, send } = subgraph();
    let merged = 0;
    const merging = new FetchMerging({ send, batch: false, deduplicate: true, counters: { merged: () => (merged += 1), sent: () => undefined } });
    const answers = await Promise.all([merging.fetch(fetchOf('{ a }', '1')), merging.fetch(fetchOf('{ a }', '2')), merging.fetch(fetchOf('{ a }', '3'))]);
    expect(bodies).toHaveLength(1);
    expect(merged).toBe(2);
    expect(answers.map(echoed)).toEqual(['{ a }', '{ a }', '{ a }']);
    await merging.fetch(fetchOf('{ a }', '4'));
    expect(bodies).toHaveLength(2);
  });

  it("never merges another caller's fetch, nor a fetch of a mutation", async () => {
    const { bodies, send } = subgraph();
    const merging = new FetchMerging({ send, batch: false, deduplicate: true });
    await Promise.all([merging.fetch(fetchOf('{ a }', '1')), merging.fetch({ ...fetchOf('{ a }', '2'), identity: 'someone else' })]);
    expect(bodies).toHaveLength(2);
    await Promise.all([merging.fetch(fetchOf('mutation { a }', '3', false)), merging.fetch(fetchOf('mutation { a }', '4', false))]);
    expect(bodies).toHaveLength(4);
  });
});
