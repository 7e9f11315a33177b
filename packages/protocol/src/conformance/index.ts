import { basicCases } from './cases/basics.js';
import { commentCases } from './cases/comments.js';
import { eraseCases } from './cases/erase.js';
import { exportCases } from './cases/exports.js';
import { feedCases } from './cases/feeds.js';
import { holdCases } from './cases/holds.js';
import { inputCases } from './cases/input.js';
import { moderationCases } from './cases/moderation.js';
import { moderatorCases } from './cases/moderators.js';
import { proofCases } from './cases/proofs.js';
import { realtimeCases } from './cases/realtime.js';
import { reportCases } from './cases/reports.js';
import { rsvpCases } from './cases/rsvp.js';
import { sessionCases } from './cases/sessions.js';
import { shareCases } from './cases/shares.js';
import { ssoCases } from './cases/sso.js';
import { webhookCases } from './cases/webhooks.js';
import { writeCases } from './cases/writes.js';
import { type Case, Suite, type Target } from './context.js';

export type { Case, Target };

export interface CaseResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  results: CaseResult[];
}

/**
 * Runs every conformance case against a server. Needs a site id and its secret: the suite changes
 * the site's settings for some cases (restoring them afterwards) and writes comments under
 * `/conformance/<run>/…` thread keys, so point it at a test site.
 */
export async function runConformance(
  target: Target,
  options: { filter?: RegExp; onResult?: (result: CaseResult) => void } = {},
): Promise<ConformanceReport> {
  const suite = new Suite(target);
  const before = await suite.site();
  // Many cases sign in: lift the per-address session limit for the run, and put it back after.
  // They post as guests too: proofs of work are off except in the cases about them.
  await suite.admin({ rateLimit: { sessions: { max: 100000, windowSeconds: 60 } }, proofOfWork: 'none' });
  const cases: Case[] = [
    ...basicCases(suite),
    ...sessionCases(suite),
    ...ssoCases(suite),
    ...inputCases(suite),
    ...commentCases(suite),
    ...writeCases(suite),
    ...realtimeCases(suite),
    ...shareCases(suite),
    ...moderationCases(suite),
    ...moderatorCases(suite),
    ...holdCases(suite),
    ...reportCases(suite),
    ...eraseCases(suite),
    ...rsvpCases(suite),
    ...proofCases(suite),
    ...exportCases(suite),
    ...webhookCases(suite),
    ...feedCases(suite),
  ].filter((c) => !options.filter || options.filter.test(c.name));
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const started = performance.now();
      let result: CaseResult;
      try {
        await c.run();
        result = { name: c.name, ok: true, ms: performance.now() - started };
      } catch (error) {
        result = {
          name: c.name,
          ok: false,
          ms: performance.now() - started,
          error: (error as Error).message,
        };
      }
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await suite.admin({
      rateLimit: before.limits.rateLimit,
      editWindowSeconds: before.limits.editWindowSeconds,
      proofOfWork: before.proofOfWork,
    });
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}
export { solveProof } from './cases/proofs.js';
export { readEvents, type SseEvent } from './http.js';
