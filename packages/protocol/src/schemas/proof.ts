import { Type } from '@sinclair/typebox';
import { Strict } from './common.js';

const Hex = Type.String({ pattern: '^(?:[0-9a-f]{2})+$', maxLength: 256 });

/**
 * Who must send a proof of work with each comment: nobody, guests (readers without a site login),
 * or everyone. The proof costs a browser about half a second, solved while the reader writes; it
 * makes posting in bulk expensive without a CAPTCHA or any third party.
 */
export const ProofOfWork = Type.Union(
  [Type.Literal('none'), Type.Literal('guests'), Type.Literal('everyone')],
  {
    description:
      'Who sends a proof of work (GET challenge, then the Kith-Proof header) with each comment: none, guests, or everyone.',
  },
);

/**
 * A proof-of-work challenge in ALTCHA's v2 format (PBKDF2/SHA-256, deterministic mode), so any
 * ALTCHA library solves it: find the counter whose derived key starts with `keyPrefix`.
 */
export const ProofChallenge = Strict(
  {
    parameters: Type.Object(
      {
        algorithm: Type.Literal('PBKDF2/SHA-256'),
        nonce: Hex,
        salt: Hex,
        cost: Type.Integer({ minimum: 1, description: 'PBKDF2 iterations per try.' }),
        keyLength: Type.Integer({ minimum: 1, maximum: 64 }),
        keyPrefix: Hex,
        keySignature: Type.Optional(Hex),
        expiresAt: Type.Integer({ description: 'Unix seconds after which the server refuses a solution.' }),
      },
      { description: 'Signed by the server: send them back unchanged.' },
    ),
    signature: Hex,
  },
  { $id: 'ProofChallenge' },
);

/** The `Kith-Proof` header's name; its value is base64 of JSON `{ challenge, solution: { counter, derivedKey } }`. */
export const proofHeader = 'Kith-Proof';
