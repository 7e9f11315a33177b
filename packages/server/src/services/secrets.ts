import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random URL-safe text with `bytes` of entropy. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Comment and user ids: 72 random bits, 12 URL-safe characters. */
export function newId(): string {
  return randomToken(9);
}

/** Tokens and secrets are high-entropy, so a plain SHA-256 is the right hash to store. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function sameSecret(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hmac(key: string, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}

export function fingerprint(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url');
}

/** Site secrets start with `ks_`, session tokens with `kt_`, so a leaked one is easy to recognise. */
export const siteSecretPrefix = 'ks_';
export const sessionTokenPrefix = 'kt_';
