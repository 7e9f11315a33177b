/**
 * Proofs of work, for sites that ask for one with each comment (`site.proofOfWork`): a challenge
 * from the server, solved here, sent back with the comment. A module of its own, with its solver
 * (altcha-lib), so that only pages on such sites load it.
 *
 * ```ts
 * import { prove } from '@kith/core/proof';
 * await client.createComment(key, { markdown }, { proof: await prove(client) });
 * ```
 */
import type { ProofChallenge } from '@kith/protocol';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { clientHttp, type KithClient } from './client.js';
import { KithError, toKithError } from './errors.js';
import { request } from './http.js';

/** A fresh challenge from the client's site (each is good for one comment, for ten minutes). */
export async function getChallenge(client: KithClient, signal?: AbortSignal): Promise<ProofChallenge> {
  try {
    return (await (await request(clientHttp(client), 'challenge', { signal })).json()) as ProofChallenge;
  } catch (error) {
    throw await toKithError(error);
  }
}

/**
 * Solves a challenge and returns the `Kith-Proof` value to post with. About half a second of a
 * browser's time at the reference server's difficulty; the page stays responsive (the work is
 * Web Crypto's, awaited try by try). Needs Web Crypto, which browsers give secure (https) pages
 * only: elsewhere it rejects with code `proof-unsupported`.
 */
export async function solveProof(challenge: ProofChallenge, signal?: AbortSignal): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    throw new KithError(
      'proof-unsupported',
      'This page is not served over https, so it cannot solve a proof of work.',
    );
  }
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort());
  const solution = await solveChallenge({ challenge, deriveKey, controller });
  if (!solution) throw new KithError('timeout', 'The proof of work was not found in time.');
  const { counter, derivedKey } = solution;
  return btoa(JSON.stringify({ challenge, solution: { counter, derivedKey } }));
}

/** A challenge from the client's site, solved: the `proof` for one `createComment`. */
export async function prove(client: KithClient, signal?: AbortSignal): Promise<string> {
  return solveProof(await getChallenge(client, signal), signal);
}
