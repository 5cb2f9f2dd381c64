// The public API: what an app feeding Hotjar, or a new vendor plugin, needs. Helpers only the
// vendor packages of this repository use are in `@hotjar-bridge/core/internal`.
export { DEFAULT_ANONYMOUS_ATTRIBUTES } from './anonymous-attributes';
export type { BridgeOutcome, ConsentState, HotjarBridge } from './bridge';
export { createHotjarBridge } from './bridge';
export type {
  DiagnosticCall,
  DiagnosticHandler,
  DiagnosticInput,
  HotjarDiagnostic,
  LoadProblem,
  SkipReason,
  TruncateReason,
} from './diagnostics';
export { containsEmail, isEmail, withoutEmails } from './email';
export type { EventMap, EventMapInput, EventMapProblem } from './event-map';
export { MAX_COPIED_VALUES, MAX_MAPPED_NAMES } from './event-map';
export type { EventNameOptions, EventNameProblem, MappedEventName } from './event-name';
export { mapEventName, toHotjarEventName } from './event-name';
export type { HotjarIdentify } from './identify';
export { toHotjarIdentify, toHotjarUserId } from './identify';
export type { DropReason, HotjarAttributeValue, IdentifyOptions } from './identify-types';
export type { EventFilterOptions, HotjarBridgeOptions } from './options';
export { toHotjarPath } from './page-path';
export type { HotjarCall, HotjarRuntime } from './runtime';
export { browserRuntime } from './runtime';
