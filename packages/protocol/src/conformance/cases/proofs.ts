import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { Comment } from '../../schemas/comment.js';
import { ProofChallenge } from '../../schemas/proof.js';
import type {
  ProofChallenge as Challenge,
  Comment as CommentT,
  ProofOfWork,
  ThreadPage,
} from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

/** The `Kith-Proof` header for a challenge: base64 of JSON `{ challenge, solution }`. */
export async function solveProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  check(solution, 'the challenge can be solved');
  return encodeProof(challenge, { counter: solution.counter, derivedKey: solution.derivedKey });
}

function encodeProof(challenge: unknown, solution: unknown): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Proof of work: turned on for each case and put back after, so the other cases post freely. */
export function proofCases(s: Suite): Case[] {
  const withProofs = async (mode: ProofOfWork, run: () => Promise<void>) => {
    const before = await s.site();
    const site = await s.admin({ proofOfWork: mode });
    check(site.proofOfWork === mode, `the site says who sends proofs: ${site.proofOfWork}`);
    try {
      await run();
    } finally {
      await s.admin({ proofOfWork: before.proofOfWork });
    }
  };
  const challenge = async (): Promise<Challenge> => {
    const reply = await s.call<Challenge>(`${s.sitePath}/challenge`);
    expectStatus(reply, 200);
    expectSchema(ProofChallenge, reply.body, 'the challenge');
    return reply.body;
  };
  const post = (key: string, token: string, markdown: string, headers: Record<string, string> = {}) =>
    s.call<CommentT>(`${s.threadPath(key)}/comments`, { method: 'POST', token, body: { markdown }, headers });
  const count = async (key: string) => (await s.call<ThreadPage>(s.threadPath(key))).body.thread.commentCount;
  const member = async (name: string) => {
    const minted = await s.call(`${s.sitePath}/admin/sessions`, {
      method: 'POST',
      token: s.target.secret,
      body: { user: { id: `pow-${s.run}-${name}`, name } },
    });
    expectStatus(minted, 201);
    return minted.body.token as string;
  };

  return [
    {
      name: 'proof of work: a guest’s comment needs a solved challenge, each good for one comment; a retry replays',
      async run() {
        await withProofs('guests', async () => {
          const guest = (await s.guest('Proving')).token;
          const key = s.newThreadKey('proof');
          expectProblem(await post(key, guest, 'No proof'), 'proof-required', 403);
          expectProblem(
            await post(key, guest, 'Junk', { 'kith-proof': 'not a proof' }),
            'proof-invalid',
            403,
          );

          const first = await challenge();
          const proof = await solveProof(first);
          const wrong = encodeProof(first, { counter: 0, derivedKey: '00'.repeat(32) });
          expectProblem(
            await post(key, guest, 'Wrong answer', { 'kith-proof': wrong }),
            'proof-invalid',
            403,
          );
          const { solution } = JSON.parse(Buffer.from(proof, 'base64').toString());
          const easier = { ...first, parameters: { ...first.parameters, cost: 1 } };
          expectProblem(
            await post(key, guest, 'Tampered', { 'kith-proof': encodeProof(easier, solution) }),
            'proof-invalid',
            403,
          );

          const headers = { 'kith-proof': proof, 'idempotency-key': `pow-${s.run}-1` };
          const made = await post(key, guest, 'Proven', headers);
          expectStatus(made, 201);
          expectSchema(Comment, made.body, 'the comment');
          const again = await post(key, guest, 'Proven', headers);
          expectStatus(again, 201);
          check(
            again.body.id === made.body.id,
            'a retry with its Idempotency-Key gets the same comment back',
          );
          check(again.headers.get('idempotency-replayed') === 'true', 'and says it was replayed');
          const reused = await post(key, guest, 'Proven twice', { 'kith-proof': proof });
          expectProblem(reused, 'proof-invalid', 403);
          const detail = (reused.body as { detail?: string }).detail ?? '';
          check(/used/i.test(detail), `the problem says it was used: ${detail}`);
          expectStatus(
            await post(key, guest, 'Fresh', { 'kith-proof': await solveProof(await challenge()) }),
            201,
          );
          check((await count(key)) === 2, 'only the two proven comments were posted');

          // Readers with the site's own login are not asked.
          expectStatus(await post(key, await member('Member'), 'Signed in, no proof'), 201);
        });
      },
    },
    {
      name: 'proof of work for everyone: signed-in members prove too; turned off, nobody does',
      async run() {
        const key = s.newThreadKey('proof-all');
        const token = await member('Everyone');
        await withProofs('everyone', async () => {
          expectProblem(await post(key, token, 'No proof'), 'proof-required', 403);
          expectStatus(
            await post(key, token, 'Proven', { 'kith-proof': await solveProof(await challenge()) }),
            201,
          );
        });
        await withProofs('none', async () => {
          expectStatus(await post(key, (await s.guest('Free')).token, 'No proof needed'), 201);
        });
        check((await count(key)) === 2, 'both proven and unasked comments were posted, nothing else');
      },
    },
  ];
}
