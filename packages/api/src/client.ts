import { type HotjarId, idSegment } from './ids';
import { type HotjarApiOptions, resolveApiOptions } from './options';
import { type HotjarPaged, paged } from './pages';
import { createTransport } from './transport';
import type { HotjarSurvey, HotjarSurveyResponse, HotjarUserLookupResult } from './types';

/** Options of `surveys()`. */
export interface SurveysOptions {
  /** Include each survey's questions. @default false */
  withQuestions?: boolean;
  /** Surveys per page, 1 to 100. @default 100 */
  limit?: number;
}

/** Options of `responses()`. */
export interface ResponsesOptions {
  /** Responses per page, 1 to 100. @default 100 */
  limit?: number;
  /** Start at this cursor (a page's `nextCursor`), to resume an interrupted export. @default the first page */
  cursor?: string;
}

/** What `lookupUser()` sends: at least an email or one user id. */
export interface LookupUserOptions {
  /** The person's email address, as your sites know it. */
  email?: string;
  /** Site id to user id: the user ids your sites pass to Hotjar's identify (the ids the hotjar-bridge plugins send). */
  userIds?: Record<string, string>;
  /** true asks Hotjar to delete every piece of data it holds on the person; false asks for a report, which Hotjar emails. */
  delete: boolean;
}

/** A client for Hotjar's REST API. Server-side only: it holds your API key's secret. */
export interface HotjarApi {
  /** Every survey of a site, across all pages. */
  surveys(siteId: HotjarId, options?: SurveysOptions): HotjarPaged<HotjarSurvey>;
  /** One survey. */
  survey(siteId: HotjarId, surveyId: HotjarId): Promise<HotjarSurvey>;
  /** Every response to a survey, newest first, across all pages; `.pages()` gives the cursors to resume. */
  responses(siteId: HotjarId, surveyId: HotjarId, options?: ResponsesOptions): HotjarPaged<HotjarSurveyResponse>;
  /**
   * A data-subject request: Hotjar looks the person up by email and user ids, and deletes or
   * reports. Sent at most once: a lost connection after it may have reached Hotjar rejects with
   * `outcome-unknown` instead of sending it again.
   */
  lookupUser(organizationId: HotjarId, options: LookupUserOptions): Promise<HotjarUserLookupResult>;
  /**
   * The text with the client secret and the tokens an answer can still echo (the last 4, and any of a call in flight) replaced by
   * `[redacted]`, in every form a server or a proxy echoes them (percent-encoded, JSON-escaped,
   * base64...). The client's errors and `onRequest` reports are already redacted; pass anything
   * else you print or log of Hotjar's answers through it.
   */
  redact(text: string): string;
}

function pageLimit(value: unknown): number {
  if (value === undefined) return 100;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100) return value;
  throw new RangeError(`[hotjar-bridge] limit must be an integer from 1 to 100, got ${String(value)}`);
}

function lookupBody(options: LookupUserOptions): Record<string, unknown> {
  if (options === null || typeof options !== 'object')
    throw new TypeError('[hotjar-bridge] lookupUser needs options: { email?, userIds?, delete }');
  const { email, userIds } = options;
  if (typeof options.delete !== 'boolean')
    throw new TypeError(
      `[hotjar-bridge] delete must be true (delete the data) or false (email a report), got ${String(options.delete)}`,
    );
  if (email !== undefined && (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email)))
    throw new TypeError('[hotjar-bridge] email must be an email address');
  const map: Record<string, string> = {};
  if (userIds !== undefined) {
    if (userIds === null || typeof userIds !== 'object' || Array.isArray(userIds))
      throw new TypeError('[hotjar-bridge] userIds must be an object of site id to user id');
    for (const [siteId, userId] of Object.entries(userIds)) {
      const site = idSegment('userIds site id', siteId);
      if (typeof userId !== 'string' || userId === '')
        throw new TypeError(`[hotjar-bridge] userIds["${site}"] must be a non-empty string`);
      map[site] = userId;
    }
  }
  const hasIds = Object.keys(map).length > 0;
  if (email === undefined && !hasIds)
    throw new TypeError(
      '[hotjar-bridge] lookupUser needs an email or at least one user id; Hotjar asks for both when both are known',
    );
  return {
    ...(email === undefined ? {} : { data_subject_email: email }),
    ...(hasIds ? { data_subject_site_id_to_user_id_map: map } : {}),
    delete_all_hits: options.delete,
  };
}

/**
 * A client for Hotjar's REST API. Throws a `[hotjar-bridge]` error for bad options; every call
 * rejects with a `HotjarApiError`. Keep it on a server: the client secret must never reach a page.
 */
export function createHotjarApi(options: HotjarApiOptions): HotjarApi {
  const transport = createTransport(resolveApiOptions(options));

  return {
    surveys(siteId, surveysOptions = {}) {
      const site = idSegment('siteId', siteId);
      const limit = pageLimit(surveysOptions.limit);
      const withQuestions = surveysOptions.withQuestions === true ? true : undefined;
      return paged(transport, `/v1/sites/${site}/surveys`, { with_questions: withQuestions, limit }, undefined);
    },

    async survey(siteId, surveyId) {
      const path = `/v1/sites/${idSegment('siteId', siteId)}/surveys/${idSegment('surveyId', surveyId)}`;
      const answer = await transport.request({ method: 'GET', path, idempotent: true });
      if (answer.data === null || typeof answer.data !== 'object' || Array.isArray(answer.data))
        throw transport.unexpected('GET', answer, 'a survey that is not an object');
      return answer.data as HotjarSurvey;
    },

    responses(siteId, surveyId, responsesOptions = {}) {
      const path = `/v1/sites/${idSegment('siteId', siteId)}/surveys/${idSegment('surveyId', surveyId)}/responses`;
      const limit = pageLimit(responsesOptions.limit);
      const cursor = responsesOptions.cursor;
      if (cursor !== undefined && (typeof cursor !== 'string' || cursor === ''))
        throw new TypeError(`[hotjar-bridge] cursor must be a non-empty string, got ${String(cursor)}`);
      return paged(transport, path, { limit }, cursor);
    },

    async lookupUser(organizationId, lookupOptions) {
      const path = `/v1/organizations/${idSegment('organizationId', organizationId)}/user-lookup`;
      const json = lookupBody(lookupOptions);
      // Sent at most once: only a 429 or a connection that was never made is retried. Any 2xx is
      // Hotjar's acceptance, whatever its body.
      const answer = await transport.request({ method: 'POST', path, json, idempotent: false, anyBody: true });
      if (answer.data === undefined) return answer.text.trim() === '' ? {} : { answer: answer.text };
      if (answer.data === null || typeof answer.data !== 'object' || Array.isArray(answer.data))
        return { answer: answer.data };
      return answer.data as HotjarUserLookupResult;
    },

    redact: transport.redact,
  };
}
