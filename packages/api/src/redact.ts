const BODY_LIMIT = 1024;
const MARK = '[redacted]';
// Shorter secrets would match ordinary text; the client refuses none, but only redacts from 4 on.
const MIN_SECRET_LENGTH = 4;
// How deeply nested an encoding is still recognised: `%252B` is `+` percent-encoded twice, `\\\"`
// a quote JSON-escaped twice, `&amp;#43;` a `+` as an HTML entity escaped again.
const NESTING = 4;
const SECRET_PARAMS = /([?&](?:client_secret|access_token|token)=)[^&#]*/gi;

/** Removes secret-bearing query parameters from a path (none of this client's own calls has one). */
export function redactPath(path: string): string {
  return path.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Finds secrets in text in every form a server or a proxy echoes them. */
export interface Redactor {
  /** Adds a secret to look for (a string under 4 characters is ignored). */
  add(secret: string): void;
  /** The text with every form of every secret replaced by `[redacted]`. */
  redact(text: string): string;
  /**
   * The longest text one form of a secret can take. A text cut in the middle of a form cannot be
   * recognised, so a caller that cut a text drops this many characters from its end.
   */
  longestForm(): number;
}

/** A redactor for the given secrets; more can be added later (each token the client gets). */
export function createRedactor(secrets: ReadonlyArray<string | undefined> = []): Redactor {
  const known = new Set<string>();
  let pattern: RegExp | undefined;
  let longest = 0;

  function add(secret: string | undefined): void {
    if (typeof secret !== 'string') return;
    // A secret pasted with spaces or a line break around it may be echoed trimmed.
    for (const value of [secret, secret.trim()]) {
      if (value.length < MIN_SECRET_LENGTH || known.has(value)) continue;
      known.add(value);
      pattern = undefined;
    }
  }

  function compile(): RegExp | undefined {
    if (pattern !== undefined || known.size === 0) return pattern;
    const alternatives: string[] = [];
    longest = 0;
    for (const secret of known) {
      for (const form of plainForms(secret)) {
        alternatives.push([...form].map(charPattern).join(''));
        longest = Math.max(
          longest,
          [...form].reduce((sum, char) => sum + longestCharForm(char), 0),
        );
      }
    }
    // Longest first, so that a form is replaced whole rather than a shorter form inside it.
    alternatives.sort((a, b) => b.length - a.length);
    // Case-insensitive: hex digits of escapes come in either case, and a secret with its case
    // changed (a proxy that lowercases) is still the secret.
    pattern = new RegExp(alternatives.join('|'), 'gi');
    return pattern;
  }

  for (const secret of secrets) add(secret);

  return {
    add,
    redact(text) {
      const regex = compile();
      return regex === undefined ? text : text.replace(regex, MARK);
    },
    longestForm() {
      compile();
      return longest;
    },
  };
}

/**
 * Replaces every given secret in a text, in every form a server or a proxy echoes it: as
 * written, in any case, JSON-escaped, percent-encoded in either case (also nested, also
 * form-encoded), as HTML character references, and base64 or base64url of any text that holds
 * it (as written, form-encoded or JSON-escaped) at any offset. ASCII letters and digits are
 * looked for as they are, since no encoder escapes them. Secrets under 4 characters are left.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return createRedactor(secrets).redact(text);
}

/**
 * The strings that stand for a secret before any character-level escaping: the secret, how a
 * request carries it (form-encoded, JSON-escaped), and the base64 and base64url text that any
 * text holding one of those encodes to, at each of the three alignments a 3-byte group allows.
 */
function plainForms(secret: string): Set<string> {
  const carried = new Set([
    secret,
    new URLSearchParams({ s: secret }).toString().slice(2),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ]);
  const forms = new Set(carried);
  for (const text of carried) {
    for (const encoded of base64Cores(text)) {
      forms.add(encoded);
      forms.add(encoded.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return forms;
}

/**
 * The base64 characters that depend only on `text`'s bytes, when `text` starts 0, 1 or 2 bytes
 * into a 3-byte group of a longer text: whatever surrounds it, an encoding of a text that holds
 * it contains one of these three strings.
 */
function base64Cores(text: string): string[] {
  const bytes = new TextEncoder().encode(text);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    let binary = '\0'.repeat(offset);
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    // Character i holds bits 6i to 6i+6; the text's bits run from 8*offset to 8*(offset+length).
    const start = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    if (end - start >= MIN_SECRET_LENGTH) cores.push(encoded.slice(start, end));
  }
  return cores;
}

const ASCII_ALPHANUMERIC = /^[a-z\d]$/i;

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

const JSON_SHORT: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
};

/** Every way one character of a secret may be written in an echo, as a regular expression. */
function charPattern(char: string): string {
  // Letters and digits of ASCII travel as they are: no encoder of URLs, forms, JSON or base64
  // escapes them. Escaping them in the pattern too would make the pattern of a long token
  // (a JWT runs to a kilobyte or more) take seconds to build.
  if (ASCII_ALPHANUMERIC.test(char)) return char;
  const alternatives = [escapeRegExp(char)];
  const bytes = [...new TextEncoder().encode(char)];
  // Percent-encoded, also nested (`%252B`); the `i` flag takes either case of the hex digits.
  alternatives.push(bytes.map((byte) => `%(?:25){0,${NESTING}}${hex(byte, 2)}`).join(''));
  if (char === ' ') alternatives.push('\\+');
  // A `+` read back as form data turns into a space.
  if (char === '+') alternatives.push(' ');
  // JSON (and JavaScript) escapes, also of a JSON string inside another: `\u002b`, `\\u002b`.
  const slashes = `\\\\{1,${2 ** NESTING}}`;
  const units = Array.from({ length: char.length }, (_, index) => char.charCodeAt(index));
  alternatives.push(units.map((unit) => `${slashes}u${hex(unit, 4)}`).join(''));
  const short = JSON_SHORT[char];
  if (short !== undefined) alternatives.push(`${slashes}${escapeRegExp(short)}`);
  // HTML character references, decimal or hex, also escaped again (`&amp;#43;`).
  const code = char.codePointAt(0)!;
  alternatives.push(`&(?:amp;){0,${NESTING}}#(?:0*${code}|x0*${code.toString(16)});`);
  return `(?:${alternatives.join('|')})`;
}

/** The longest text `charPattern` matches for a character. */
function longestCharForm(char: string): number {
  if (ASCII_ALPHANUMERIC.test(char)) return 1;
  const bytes = new TextEncoder().encode(char).length;
  return Math.max(
    bytes * (3 + 2 * NESTING),
    char.length * (2 ** NESTING + 5),
    `&${'amp;'.repeat(NESTING)}#${char.codePointAt(0)!};`.length + 8,
  );
}

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** The first 1 KB of a body (in UTF-8 bytes), cut on a character boundary. */
export function cutBody(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= BODY_LIMIT) return text;
  // fatal: false drops a character split at the limit instead of throwing.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, BODY_LIMIT));
  return `${head.replace(/\uFFFD$/, '')}...`;
}

/**
 * What an error shows of a body: its first 1 KB, secrets removed. Only the first 64 KiB are
 * searched; when `cut` is true (the text is the start of a longer body) or the text is longer,
 * the end where a secret may have been cut in half is dropped before the 1 KB is taken.
 */
export function bodyExcerpt(text: string, redactor: Redactor, cut = false): string {
  const searched = 64 * 1024;
  const isCut = cut || text.length > searched;
  let clean = redactor.redact(text.slice(0, searched));
  if (isCut) clean = `${clean.slice(0, Math.max(0, clean.length - redactor.longestForm()))}...`;
  return cutBody(clean);
}
