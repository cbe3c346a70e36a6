/** Signs a request the way PARTNERS.md says the hub does: what this partner's tests send. */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export function sign(secret: string, body: string, identity = { sub: 'tester', scopes: ['hub:read'] }, now = Date.now()) {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('base64url');
  const identityHeader = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const mac = createHmac('sha256', secret).update(`v1\n${timestamp}\n${nonce}\n${identityHeader}\n${bodyHash}`).digest('hex');
  return { 'x-hub-timestamp': timestamp, 'x-hub-nonce': nonce, 'x-hub-identity': identityHeader, 'x-hub-signature': `v1=${mac}` };
}
