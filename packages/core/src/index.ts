export { createHotjarBridge } from './bridge';
export type { BridgeOutcome, ConsentState, HotjarBridge } from './bridge';
export { diagnostic } from './diagnostics';
export type {
  DiagnosticCall,
  DiagnosticHandler,
  DiagnosticInput,
  HotjarDiagnostic,
  LoadProblem,
  SkipReason,
} from './diagnostics';
export { containsEmail, isEmail } from './email';
export { mapEventName, toHotjarEventName } from './event-name';
export type { EventNameOptions, EventNameProblem, MappedEventName } from './event-name';
export { toHotjarIdentify, toHotjarUserId } from './identify';
export type { DropReason, HotjarAttributeValue, HotjarIdentify, IdentifyOptions } from './identify';
export { optionError, resolveBridgeOptions } from './options';
export type { EventFilterOptions, HotjarBridgeOptions, ResolvedBridgeOptions } from './options';
export { browserRuntime } from './runtime';
export type { HotjarCall, HotjarRuntime } from './runtime';
