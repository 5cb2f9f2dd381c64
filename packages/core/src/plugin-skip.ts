import type { BridgeOutcome, HotjarBridge } from './bridge';
import { type DiagnosticCall, diagnostic, type SkipReason } from './diagnostics';
import { skipMessage } from './plugin-support';

/**
 * Reports a skip a plugin decides and returns its outcome. `why` is the development build's
 * explanation; a production build passes none, and the report reads as the core's own
 * (`identify: "$add" skipped (unsupported)`), with the same structured fields either way.
 */
export function reportSkip(
  bridge: HotjarBridge,
  call: DiagnosticCall,
  reason: SkipReason,
  why?: string,
  subject?: string,
): BridgeOutcome {
  const { message } = diagnostic({
    kind: 'skipped',
    call,
    reason,
    subject,
    message: why === undefined ? undefined : skipMessage(call, reason, why, subject),
  });
  bridge.report({ kind: 'skipped', call, reason, subject, message });
  return { forwarded: false, reason, message };
}
