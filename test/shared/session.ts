import type { HotjarDiagnostic } from '@hotjar-bridge/core';

/**
 * Collects every error the page or Node reports while a session runs: uncaught errors,
 * unhandled rejections in the DOM environment and in Node. Returns the function that stops
 * collecting.
 */
export function collectPageErrors(errors: unknown[]): () => void {
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  const onNodeRejection = (reason: unknown) => errors.push(reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  process.on('unhandledRejection', onNodeRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    process.off('unhandledRejection', onNodeRejection);
  };
}

/** Plugin options for a session: the test site id, the given options, and every diagnostic recorded. */
export function sessionPluginOptions<T extends { onDiagnostic?: (diagnostic: HotjarDiagnostic) => void }>(
  given: Partial<T>,
  diagnostics: HotjarDiagnostic[],
): Partial<T> & { siteId: number } {
  return {
    siteId: 1234567,
    ...given,
    onDiagnostic(diagnostic: HotjarDiagnostic) {
      diagnostics.push(diagnostic);
      given.onDiagnostic?.(diagnostic);
    },
  };
}
