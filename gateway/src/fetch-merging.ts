/**
 * Fewer subgraph requests for the same answers, between a subgraph's data source and the wire:
 *
 * - Identical reads in flight are merged: a query fetch whose subgraph, exact body and caller's
 *   identity match one already on its way waits for that one's answer instead of going out again.
 *   Never a fetch of a mutation: what is read after a write must not get an answer begun before it.
 * - The fetches one client request sends to one subgraph together (the parallel fetches of one
 *   plan step: Apollo's executor starts them at once) go out as one batched HTTP request, a
 *   JSON array, which Apollo Server executes with one shared context, so the subgraph resolves them
 *   with one set of loaders. Only subgraphs known to accept batches get them.
 *
 * Answers are shared as text: each fetch parses its own copy, because the gateway merges what it
 * receives into the response it is building and two requests must never share those objects.
 */

/** One HTTP answer of a subgraph, as text. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  contentType: string;
  text: string;
}

/** Sends one signed HTTP request with exactly this body, for this encoded identity. */
export type SendToSubgraph = (body: string, identity: string) => Promise<SubgraphAnswer>;

export interface FetchMergingOptions {
  send: SendToSubgraph;
  /** The subgraph accepts a JSON array of operations in one request (the hub's own subgraphs do). */
  batch: boolean;
  /** Merge identical query fetches in flight. */
  deduplicate: boolean;
  /** Told of every fetch answered by one already in flight, and of every HTTP request sent. */
  counters?: { merged(): void; sent(batched: boolean): void };
}

/** What a fetch is: its exact body, whose it is, and which client request it belongs to. */
export interface Fetch {
  body: string;
  /** The caller's identity, encoded as the signature header carries it. */
  identity: string;
  /** The client request the fetch is part of: only its own fetches are batched together. */
  group: string;
  /** A fetch of a query (not of a mutation), so it may be merged with an identical one. */
  readOnly: boolean;
}

interface Waiting {
  body: string;
  resolve(answer: SubgraphAnswer): void;
  reject(error: unknown): void;
}

export class FetchMerging {
  private readonly inFlight = new Map<string, Promise<SubgraphAnswer>>();
  private readonly gathering = new Map<string, { identity: string; fetches: Waiting[] }>();
  private flushScheduled = false;

  constructor(private readonly options: FetchMergingOptions) {}

  fetch(fetch: Fetch): Promise<SubgraphAnswer> {
    if (!fetch.readOnly || !this.options.deduplicate) return this.enqueue(fetch);
    const key = `${fetch.identity}\n${fetch.body}`;
    const existing = this.inFlight.get(key);
    if (existing) {
      this.options.counters?.merged();
      return existing;
    }
    const answer = this.enqueue(fetch);
    this.inFlight.set(key, answer);
    const forget = () => this.inFlight.delete(key);
    answer.then(forget, forget);
    return answer;
  }

  private enqueue(fetch: Fetch): Promise<SubgraphAnswer> {
    if (!this.options.batch) return this.sendOne(fetch.body, fetch.identity);
    return new Promise((resolve, reject) => {
      let group = this.gathering.get(fetch.group);
      if (!group) {
        group = { identity: fetch.identity, fetches: [] };
        this.gathering.set(fetch.group, group);
      }
      group.fetches.push({ body: fetch.body, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // Apollo's executor starts the fetches of a plan step in one Promise.all; each reaches this
        // point a few promise jobs later. A tick callback runs once every queued promise job has
        // run, so the whole step is here by then, without waiting for a turn of the event loop.
        process.nextTick(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const groups = [...this.gathering.values()];
    this.gathering.clear();
    for (const { identity, fetches } of groups) {
      if (fetches.length === 1) {
        const [only] = fetches;
        this.sendOne(only!.body, identity).then(only!.resolve, only!.reject);
      } else {
        void this.sendBatch(identity, fetches);
      }
    }
  }

  private sendOne(body: string, identity: string): Promise<SubgraphAnswer> {
    this.options.counters?.sent(false);
    return this.options.send(body, identity);
  }

  private async sendBatch(identity: string, fetches: Waiting[]): Promise<void> {
    this.options.counters?.sent(true);
    let answer: SubgraphAnswer;
    try {
      // The array is written from the bodies as they are, so what is signed is what each fetch said.
      answer = await this.options.send(`[${fetches.map((fetch) => fetch.body).join(',')}]`, identity);
    } catch (error) {
      for (const fetch of fetches) fetch.reject(error);
      return;
    }
    const pieces = parsedArray(answer.text, fetches.length);
    if (!pieces) {
      // A refusal of the whole batch (not signed, too large) is each fetch's answer.
      if (answer.status !== 200) return fetches.forEach((fetch) => fetch.resolve(answer));
      const error = new Error(`its answer to a batch of ${fetches.length} operations is not a list of ${fetches.length} answers`);
      return fetches.forEach((fetch) => fetch.reject(error));
    }
    // Apollo Server gives a batch one HTTP status: an operation it refused (invalid, say) makes
    // it 400 for all. Each answer with data was executed, so it is a 200 of its own; one without
    // is a refusal with the batch's status, as it would have been alone.
    fetches.forEach((fetch, index) => {
      const piece = pieces[index] as { data?: unknown } | null;
      const status = piece && typeof piece === 'object' && piece.data !== undefined ? 200 : answer.status;
      fetch.resolve({ ...answer, status, statusText: status === answer.status ? answer.statusText : 'OK', text: JSON.stringify(piece) });
    });
  }
}

/** The answers of a batch, one per fetch, or undefined when the text is not such an array. */
function parsedArray(text: string, length: number): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.length === length ? parsed : undefined;
  } catch {
    return undefined;
  }
}
