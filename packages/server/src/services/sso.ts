import { randomBytes } from 'node:crypto';
import { type SsoClaims, schemas } from '@kith/protocol';
import { cleanDisplayName } from '@kith/protocol/display-name';
import { errors, jwtVerify } from 'jose';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';

export type SsoUser = SsoClaims;

/** How far ahead a sign-in token may expire: they sit in page HTML, so they should live minutes. */
export const maxTokenLifeSeconds = 24 * 60 * 60;
/** Clocks of the site's server and this one may disagree a little. */
const clockToleranceSeconds = 60;

export function newSsoSecret(): string {
  return `ssosec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The user a site's sign-in token names, once its HS256 signature (the site's SSO secret as the
 * key, as any JWT library takes it), its expiry and its claims check out. Every refusal says why,
 * for the site's developer; none echoes the token.
 */
export async function verifySsoToken(token: string, secret: string, siteId: string): Promise<SsoUser> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      clockTolerance: clockToleranceSeconds,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new ProblemError('token-expired', { detail: 'The sign-in token has expired: sign a new one.' });
    }
    throw new ProblemError('invalid-token', { detail: `The sign-in token was refused: ${refusal(error)}` });
  }
  let user: SsoUser;
  try {
    user = validate<SsoUser>(schemas.SsoClaims, withFittingName(payload), 'token');
  } catch (error) {
    const { detail, errors: list } = (error as ProblemError).extras;
    throw new ProblemError('invalid-token', {
      detail: `The sign-in token's claims are wrong: ${detail}`,
      ...(list && { errors: list }),
    });
  }
  if (user.exp > Date.now() / 1000 + maxTokenLifeSeconds + clockToleranceSeconds) {
    throw new ProblemError('invalid-token', {
      detail: 'The sign-in token expires more than 24 hours from now: sign tokens that live minutes.',
    });
  }
  if (user.aud !== undefined && ![user.aud].flat().includes(siteId)) {
    throw new ProblemError('invalid-token', {
      detail: `The sign-in token is for another audience, not the site "${siteId}".`,
    });
  }
  return user;
}

/**
 * The claims with their `name` mended where it can be: it is the site's member's name as the
 * site's own database has it, and refusing it would keep them from commenting as themselves.
 * Control characters and bidi overrides come out, and a name past the protocol's 64 characters
 * is cut (between words where it can be, never inside a character). A name with nothing that
 * shows is still refused.
 */
function withFittingName(payload: unknown): unknown {
  const { name } = payload as { name?: unknown };
  const cleaned = typeof name === 'string' ? cleanDisplayName(name) : '';
  if (!cleaned) return payload;
  let fitting = '';
  for (const char of cleaned) {
    if (fitting.length + char.length > 64) break;
    fitting += char;
  }
  // Cut inside a word: back to the word before, where that leaves most of the name.
  const space = fitting.lastIndexOf(' ');
  if (fitting.length < cleaned.length && !/\s/.test(cleaned[fitting.length]!) && space > 32)
    fitting = fitting.slice(0, space);
  return { ...(payload as object), name: fitting.trimEnd() };
}

function refusal(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'its signature does not match the site’s SSO secret.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'sign it with HS256.';
  if (error instanceof errors.JWTClaimValidationFailed) return `${error.message}.`;
  return 'it is not a signed JWT (header.payload.signature).';
}
