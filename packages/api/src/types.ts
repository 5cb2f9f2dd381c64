// Field names as Hotjar's API reference and existing clients report them. Hotjar does not
// promise every field on every object, so all are optional, and fields not listed here are
// kept as they arrive (the index signature), so nothing Hotjar adds is lost.

/** A question of a survey (surveys fetched with questions). */
export interface HotjarSurveyQuestion {
  id?: number | string;
  text?: string;
  type?: string;
  is_required?: boolean;
  [field: string]: unknown;
}

/** A survey of a site. */
export interface HotjarSurvey {
  id?: number | string;
  name?: string;
  type?: string;
  url?: string;
  is_enabled?: boolean;
  created_time?: string;
  questions?: HotjarSurveyQuestion[];
  [field: string]: unknown;
}

/** One answer of a survey response. */
export interface HotjarSurveyAnswer {
  question_id?: number | string;
  answer?: string | number | boolean | null;
  comment?: string | null;
  tags?: Array<{ name?: string; [field: string]: unknown }>;
  sentiment?: string | null;
  [field: string]: unknown;
}

/** One response to a survey. */
export interface HotjarSurveyResponse {
  id?: number | string;
  created_time?: string;
  is_complete?: boolean;
  browser?: string;
  country?: string;
  device?: string;
  os?: string;
  hotjar_user_id?: string;
  recording_url?: string | null;
  response_origin_url?: string;
  user_attributes?: Array<{ name?: string; value?: unknown; [field: string]: unknown }>;
  answers?: HotjarSurveyAnswer[];
  [field: string]: unknown;
}

/** What Hotjar answered to a user lookup. Hotjar does not document this body, so it is passed on as it came. */
export type HotjarUserLookupResult = Record<string, unknown>;
