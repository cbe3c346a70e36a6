import type { Identity } from '@hub/core';

export interface GatewayContext {
  readonly identity: Identity;
}
