import { randomUUID } from 'node:crypto';
import type { Comment, Session, Site, SiteSettingsPatch } from '../types.js';
import { check, expectStatus } from './assert.js';
import { createHttp, type Http } from './http.js';

export interface Target {
  baseUrl: string;
  site: string;
  secret: string;
  /** An origin the site allows, to check CORS for it (optional). */
  origin?: string | undefined;
}

export interface Case {
  name: string;
  run(): Promise<void>;
}

/** Shared helpers for the cases: each case makes its own threads and users, so cases are independent. */
export class Suite {
  readonly call: Http;
  readonly run = randomUUID().slice(0, 8);
  #threads = 0;

  constructor(readonly target: Target) {
    this.call = createHttp(target.baseUrl);
  }

  get sitePath(): string {
    return `/v1/sites/${this.target.site}`;
  }

  /** A thread key no other run or case uses. */
  newThreadKey(label = 't'): string {
    this.#threads += 1;
    return `/conformance/${this.run}/${label}-${this.#threads}`;
  }

  threadPath(key: string): string {
    return `${this.sitePath}/threads/${encodeURIComponent(key)}`;
  }

  eventsUrl(key: string): string {
    return `${this.target.baseUrl.replace(/\/+$/, '')}${this.threadPath(key)}/events`;
  }

  async site(): Promise<Site> {
    const reply = await this.call<Site>(this.sitePath);
    expectStatus(reply, 200);
    return reply.body;
  }

  async admin(patch: SiteSettingsPatch): Promise<Site> {
    const reply = await this.call<Site>(`${this.sitePath}/admin/settings`, {
      method: 'PATCH',
      token: this.target.secret,
      body: patch,
    });
    expectStatus(reply, 200);
    return reply.body;
  }

  async guest(name = 'Conformance Guest'): Promise<Session> {
    const reply = await this.call<Session>(`${this.sitePath}/sessions`, { method: 'POST', body: { name } });
    expectStatus(reply, 201);
    return reply.body;
  }

  async post(key: string, token: string, markdown: string, parentId?: string): Promise<Comment> {
    const reply = await this.call<Comment>(`${this.threadPath(key)}/comments`, {
      method: 'POST',
      token,
      body: parentId ? { markdown, parentId } : { markdown },
    });
    expectStatus(reply, 201);
    check(typeof reply.body.id === 'string', 'a created comment has an id');
    return reply.body;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
