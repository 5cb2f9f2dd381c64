export type { BridgeOutcome, ConsentState, HotjarBridge } from './bridge';
export { createHotjarBridge } from './bridge';
export type {
  DiagnosticCall,
  DiagnosticHandler,
  DiagnosticInput,
  HotjarDiagnostic,
  LoadProblem,
  SkipReason,
} from './diagnostics';
export { diagnostic } from './diagnostics';
export { containsEmail, isEmail } from './email';
export type { EventNameOptions, EventNameProblem, MappedEventName } from './event-name';
export { mapEventName, toHotjarEventName } from './event-name';
export type { DropReason, HotjarAttributeValue, HotjarIdentify, IdentifyOptions } from './identify';
export { toHotjarIdentify, toHotjarUserId } from './identify';
export type { EventFilterOptions, HotjarBridgeOptions, ResolvedBridgeOptions } from './options';
export { optionError, resolveBridgeOptions } from './options';
export { toHotjarPath } from './page-path';
export { flag, skipMessage } from './plugin-support';
export type { HotjarCall, HotjarRuntime } from './runtime';
export { browserRuntime } from './runtime';
