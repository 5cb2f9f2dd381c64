import type { BridgeOutcome, HotjarBridge } from './bridge';
import type { DiagnosticCall, SkipReason } from './diagnostics';
import { skipMessage } from './plugin-support';

/**
 * Reports a skip a plugin decides and returns its outcome, with the message as reported: in
 * development with `why` explained, in production the short form of its fields
 * (`identify: "$add" skipped (unsupported)`).
 */
export function reportSkip(
  bridge: HotjarBridge,
  call: DiagnosticCall,
  reason: SkipReason,
  why: string | undefined,
  subject?: string,
): BridgeOutcome {
  const message = skipMessage(call, reason, why, subject);
  return {
    forwarded: false,
    reason,
    message: bridge.report({ kind: 'skipped', call, reason, subject, message }).message,
  };
}
