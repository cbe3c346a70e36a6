import type { Identity } from '@hub/core';
import type { TouchedRecord } from './audit/audit-log.js';

export interface GatewayContext {
  readonly identity: Identity;
  /** Records the subgraphs reported writing for this request (filled as their answers arrive), for the audit log. */
  readonly touched: TouchedRecord[];
  /** The request is a page of an export the gateway runs (RawRequest.exportPage): the hub's own subgraphs serve larger root pages. */
  readonly exportPage?: boolean;
}
