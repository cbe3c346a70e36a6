/**
 * Keeps a failing subgraph from costing every caller a timeout: after `failureThreshold`
 * consecutive failures the breaker opens and calls fail at once; after `openMs` one call is let
 * through as a probe (half-open); its success closes the breaker, its failure opens it again.
 * Answers that do not touch the subgraph never wait on it either way.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
  /** Told of every state change (for logs and metrics). */
  onChange?: (state: BreakerState, previous: BreakerState) => void;
  now?: () => number;
}

export class CircuitOpenError extends Error {
  constructor(readonly retryInMs: number) {
    super(`not called: it failed repeatedly and is being given ${Math.ceil(retryInMs / 1000)} s before the next try`);
  }
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.openMs) return 'half-open';
    return this.current;
  }

  /** Runs `call` unless the breaker is open; counts its outcome. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probing)) {
      throw new CircuitOpenError(Math.max(0, this.options.openMs - (this.now() - this.openedAt)));
    }
    if (state === 'half-open') {
      this.probing = true;
      this.move('half-open');
    }
    try {
      const result = await call();
      this.succeeded();
      return result;
    } catch (error) {
      this.failed();
      throw error;
    } finally {
      if (state === 'half-open') this.probing = false;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.move('closed');
  }

  private failed(): void {
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      this.move('open');
    }
  }

  private move(next: BreakerState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    this.options.onChange?.(next, previous);
  }
}
