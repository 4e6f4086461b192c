import { createHash, randomBytes } from 'node:crypto';

/** An opaque, URL-safe secret of `bytes` random bytes (32 bytes = 256 bits). */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Only this digest of a token is ever stored. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest();
