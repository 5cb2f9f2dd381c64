const BODY_LIMIT = 1024;
const SECRET_PARAMS = /([?&](?:client_secret|access_token|token)=)[^&#]*/gi;

/** Removes secret-bearing query parameters from a path (none of this client's own calls has one). */
export function redactPath(path: string): string {
  return path.replace(SECRET_PARAMS, '$1[redacted]');
}

/**
 * Replaces every given secret in a text, as it is and as it travels encoded (a server that echoes
 * the token request's form body echoes `+` as `%2B`); secrets shorter than 4 characters are left
 * (they would match anywhere).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    const forms = new Set([secret, new URLSearchParams({ s: secret }).toString().slice(2), encodeURIComponent(secret)]);
    for (const form of forms) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** The first 1 KB of a body (in UTF-8 bytes), cut on a character boundary. */
export function cutBody(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= BODY_LIMIT) return text;
  // fatal: false drops a character split at the limit instead of throwing.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, BODY_LIMIT));
  return `${head.replace(/\uFFFD$/, '')}...`;
}
