import type { Author, ProofOfWork } from '@kith/protocol';
import type { KithClient } from '../client.js';

/** Whether a site with this `proofOfWork` asks a reader of this kind for a proof with each comment. */
export function proofAsked(mode: ProofOfWork | undefined, kind: Author['kind'] | undefined): boolean {
  return mode === 'everyone' || (mode === 'guests' && kind === 'guest');
}

/** Whether a proof's challenge expires within `seconds` (by its `expiresAt`, Unix seconds). */
function expiresWithin(proof: string, seconds: number): boolean {
  try {
    const expiresAt = JSON.parse(atob(proof)).challenge.parameters.expiresAt;
    return typeof expiresAt === 'number' && expiresAt * 1000 - Date.now() < seconds * 1000;
  } catch {
    return false;
  }
}

/**
 * Proofs of work for one client's comments. Solving starts ahead, while the reader is still
 * writing, so posting seldom waits for it; each proof is used for one comment. The solver (and
 * altcha-lib) loads only on sites that ask for proofs.
 */
export class Prover {
  /** The site asks this reader for proofs: set from its capabilities, or learned from a refusal. */
  needed = false;
  #next: Promise<string> | undefined;

  constructor(private client: KithClient) {}

  /** Starts solving the next proof now, if one is needed and none is under way. */
  prepare(): void {
    if (!this.needed || this.#next) return;
    const next = this.#solve();
    this.#next = next;
    // A failed solve is forgotten, so the next take() starts afresh (and reports its error).
    next.catch(() => {
      if (this.#next === next) this.#next = undefined;
    });
  }

  /** The proof for one comment, or undefined when none is needed. */
  async take(): Promise<string | undefined> {
    if (!this.needed) return undefined;
    this.prepare();
    const next = this.#next;
    this.#next = undefined;
    const proof = await next;
    // Solved when the reader began a long comment: its challenge may be about to expire.
    return proof && expiresWithin(proof, 30) ? this.#solve() : proof;
  }

  async #solve(): Promise<string> {
    const { prove } = await import('../proof.js');
    return prove(this.client);
  }
}
