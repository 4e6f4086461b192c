import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';

/**
 * Signing secrets. A receiver verifies an HMAC made with the secret, so the server must be able
 * to use it again at every delivery: it is stored encrypted (AES-256-GCM under
 * WEBHOOK_SECRET_KEY), not hashed. A database leak alone yields no secret.
 */

const PREFIX = 'whsec_';
const VERSION = 'v1';

/** `whsec_` and 32 random bytes in base64, as the Standard Webhooks specification writes them. */
export const newSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64')}`;

export function encryptSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, sealed] = stored.split(':');
  if (version !== VERSION) throw new Error('unknown webhook secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * The Standard Webhooks headers of one attempt: webhook-id (the same on every attempt),
 * webhook-timestamp (this attempt's, in seconds) and webhook-signature, one `v1,<base64>` per
 * secret (the current one, and during a rotation's overlap the previous one), space-separated.
 */
export function signatureHeaders(messageId: string, at: Date, body: string, secrets: string[]): Record<string, string> {
  const signatures = secrets.map((secret) => new StandardWebhook(secret).sign(messageId, at, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
