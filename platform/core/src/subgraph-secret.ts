/**
 * Each subgraph has a signing secret of its own, so a request signed for one subgraph is refused
 * by every other, and a partner holding its own secret can never sign for the hub's subgraphs.
 * The hub's own subgraphs derive theirs from the hub's secret (HUB_SIGNING_SECRET), so one
 * variable still configures them all; a partner's is random, kept in the registry.
 */
import { createHmac } from 'node:crypto';

export function subgraphSecret(hubSecret: string, subgraph: string): string {
  return createHmac('sha256', hubSecret).update(`hub subgraph signing secret\n${subgraph}`).digest('base64url');
}
