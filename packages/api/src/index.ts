export type { HotjarApi, LookupUserOptions, ResponsesOptions, SurveysOptions } from './client';
export { createHotjarApi } from './client';
export type { HotjarApiErrorCode, HotjarApiErrorDetails } from './errors';
export { HotjarApiError } from './errors';
export type { HotjarId } from './ids';
export type { HotjarApiOptions } from './options';
export type { HotjarPage, HotjarPaged } from './pages';
export type { RequestReport } from './transport';
export type {
  HotjarSurvey,
  HotjarSurveyAnswer,
  HotjarSurveyQuestion,
  HotjarSurveyResponse,
  HotjarUserLookupResult,
} from './types';
