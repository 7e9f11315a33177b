import { randomInt } from 'node:crypto';
import type { ProofChallenge } from '@kith/protocol';
import { type Challenge, createChallenge, type Solution, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Queryable } from '../db/driver.js';
import { AlreadyDone } from '../http/idempotency.js';
import { ProblemError } from '../http/problem.js';
import type { Viewer } from './sessions.js';
import type { SiteRecord } from './sites.js';

/**
 * How much work a proof is: PBKDF2 iterations per try, and the range the counter to find is drawn
 * from. A browser on the benchmark machine needs about half a second (`pnpm bench`), solved while
 * the reader writes; making a challenge costs the server one derivation, checking one HMAC.
 */
export const proofDifficulty = { cost: 5000, minCounter: 200, maxCounter: 800, ttlSeconds: 600 };

/** Proofs of work for posting (ALTCHA v2 challenges), each good for one comment. */
export class Proofs {
  constructor(private serverKey: () => string) {}

  /** Whether the site asks this reader for a proof with each comment. */
  required(site: SiteRecord, viewer: Viewer): boolean {
    const mode = site.settings.proofOfWork;
    return mode === 'everyone' || (mode === 'guests' && viewer.author.kind === 'guest');
  }

  // Per site, so a challenge from one site is no good on another.
  #secrets(siteId: string) {
    const base = `${this.serverKey()}|proof|${siteId}`;
    return { hmacSignatureSecret: `${base}|challenge`, hmacKeySignatureSecret: `${base}|key` };
  }

  async challenge(site: SiteRecord): Promise<ProofChallenge> {
    const { cost, minCounter, maxCounter, ttlSeconds } = proofDifficulty;
    // Deterministic mode: the server derives the key for a counter it picks, so checking a
    // solution is one HMAC of the key instead of a derivation.
    const challenge = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost,
      counter: randomInt(minCounter, maxCounter + 1),
      deriveKey,
      expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds,
      ...this.#secrets(site.id),
    });
    return challenge as ProofChallenge;
  }

  /**
   * Checks the `Kith-Proof` header and uses it up, in the write's transaction (a failed write
   * frees it again). A proof used before belongs to a committed write: sent again with that
   * write's Idempotency-Key it is a retry, which replays the answer; otherwise it is refused.
   */
  async spend(tx: Queryable, site: SiteRecord, header: string | undefined): Promise<void> {
    if (!header) {
      throw new ProblemError('proof-required', {
        detail: 'Solve a challenge from GET challenge and send it in the Kith-Proof header.',
      });
    }
    const payload = parse(header);
    const invalid = (detail: string) => new ProblemError('proof-invalid', { detail });
    if (!payload) throw invalid('The Kith-Proof header is not base64 of JSON { challenge, solution }.');
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      ...this.#secrets(site.id),
    }).catch(() => undefined);
    if (!result?.verified) {
      throw invalid(
        result?.expired
          ? 'The challenge has expired; solve a new one.'
          : 'The proof does not solve a challenge from this site.',
      );
    }
    const used = await tx.query(
      `INSERT INTO used_proofs (site_id, nonce, expires_at) VALUES ($1, $2, to_timestamp($3))
       ON CONFLICT DO NOTHING RETURNING 1`,
      [site.id, payload.challenge.parameters.nonce, payload.challenge.parameters.expiresAt],
    );
    if (used.length === 0) {
      throw new AlreadyDone(invalid('This proof was used already; solve a new challenge for each comment.'));
    }
  }
}

interface Payload {
  challenge: Challenge & { parameters: { expiresAt: number }; signature: string };
  solution: Solution;
}

function parse(header: string): Payload | undefined {
  if (header.length > 4096) return undefined;
  try {
    const value = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Payload;
    const params = value?.challenge?.parameters;
    if (
      typeof params?.nonce !== 'string' ||
      !/^[0-9a-f]{2,64}$/.test(params.nonce) ||
      !Number.isInteger(params.expiresAt) ||
      typeof value.challenge.signature !== 'string' ||
      typeof value.solution !== 'object' ||
      value.solution === null
    ) {
      return undefined;
    }
    return value;
  } catch {
    return undefined;
  }
}
