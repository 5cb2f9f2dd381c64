const BODY_LIMIT = 1024;
const MARK = '[redacted]';
// Shorter secrets would match ordinary text; the client refuses none, but only redacts from 4 on.
const MIN_SECRET_LENGTH = 4;
// How many times over an escaped text is read back: `%252B` is `+` percent-encoded twice, `\\\"`
// a quote JSON-escaped twice. (Any number of `amp;` is read at once: `&amp;amp;#43;` is `+`.)
const NESTING = 4;
const SECRET_PARAMS = /([?&](?:client_secret|access_token|token)=)[^&#]*/gi;

/** Removes secret-bearing query parameters from a path (none of this client's own calls has one). */
export function redactPath(path: string): string {
  return path.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Finds secrets in text in every form a server or a proxy echoes them. */
export interface Redactor {
  /** Adds a secret to look for for good (a string under 4 characters is ignored). */
  add(secret: string): void;
  /**
   * Replaces the tokens looked for besides the secrets given with `add`: a token that can no
   * longer appear in an answer is dropped, so that the work of a redaction stays bounded.
   */
  setTokens(tokens: Iterable<string>): void;
  /**
   * The text with every form of every secret replaced by `[redacted]`. With `cut` (the text is the
   * start of a longer one), the end where a form of a secret may have been cut in half is dropped
   * and `...` put in its place.
   */
  redact(text: string, cut?: boolean): string;
}

/** The strings searched for one secret, lower-cased, and the length of the longest. */
interface Forms {
  forms: string[];
  /** A form cut by the end of a text is shorter than this. */
  longest: number;
}

/** A redactor for the given secrets; more can be added later. */
export function createRedactor(secrets: ReadonlyArray<string | undefined> = []): Redactor {
  const permanent = new Set<string>();
  let tokens = new Set<string>();
  const cache = new Map<string, Forms>();

  function add(secret: string | undefined): void {
    if (typeof secret !== 'string') return;
    // A secret pasted with spaces or a line break around it may be echoed trimmed.
    for (const value of [secret, secret.trim()]) if (value.length >= MIN_SECRET_LENGTH) permanent.add(value);
  }

  function formsOf(secret: string): Forms {
    let forms = cache.get(secret);
    if (forms === undefined) {
      const found = new Set<string>();
      for (const form of plainForms(secret)) {
        found.add(lower(form));
        // A `+` read back as form data turns into a space, and a space may travel as a `+`.
        found.add(lower(form.replace(/\+/g, ' ')));
        found.add(lower(form.replace(/ /g, '+')));
      }
      forms = { forms: [...found], longest: Math.max(...[...found].map((form) => form.length)) };
      cache.set(secret, forms);
    }
    return forms;
  }

  for (const secret of secrets) add(secret);

  return {
    add,
    setTokens(next) {
      tokens = new Set([...next].filter((token) => token.length >= MIN_SECRET_LENGTH));
      for (const secret of cache.keys()) if (!permanent.has(secret) && !tokens.has(secret)) cache.delete(secret);
    },
    redact(text, cut = false) {
      const all = [...new Set([...permanent, ...tokens])].map(formsOf);
      if (all.length === 0) return cut ? `${text}...` : text;
      return redactForms(text, all, cut);
    },
  };
}

/**
 * Replaces every given secret in a text, in every form a server or a proxy echoes it: as
 * written, in any case, JSON-escaped (also nested), percent-encoded in either case (also nested,
 * also form-encoded), as HTML character references (numeric or named, also escaped again), CSV
 * quoted, and base64 or base64url of any text that holds it (as written, form-encoded or
 * JSON-escaped) at any offset. Secrets under 4 characters are left.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return createRedactor(secrets).redact(text);
}

/**
 * Looks for every form as a plain substring, in the text and in the text with its escapes read
 * once, twice... up to NESTING times (each reading one linear pass), so that the time taken grows
 * with the length of the text times the number of forms, whatever the secret and the text hold.
 */
function redactForms(text: string, all: Forms[], cut: boolean): string {
  const longest = Math.max(...all.map((forms) => forms.longest));
  const spans: Array<[number, number]> = [];
  let keep = text.length;
  let layer: ReadText = { text, origin: (index) => Math.min(index, text.length) };
  for (let depth = 0; depth <= NESTING; depth += 1) {
    const searched = lower(layer.text);
    for (const { forms } of all)
      for (const form of forms)
        for (const at of occurrences(searched, form)) spans.push([layer.origin(at), layer.origin(at + form.length)]);
    // An escape reads as one character however long it is written, so a form cut in half by the
    // end of the text lies within the last `longest` characters of one of the readings.
    if (cut) keep = Math.min(keep, layer.origin(Math.max(0, layer.text.length - longest)));
    const next = readEscapes(layer.text, cut);
    if (next.text === layer.text) break;
    const outer = layer;
    layer = { text: next.text, origin: (index) => outer.origin(next.origin(index)) };
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start >= keep) break;
    if (end <= at) continue;
    // Overlapping finds make one mark.
    if (start >= at) out += `${text.slice(at, start)}${MARK}`;
    at = end;
  }
  if (at < keep) out += text.slice(at, keep);
  return cut ? `${out}...` : out;
}

function* occurrences(text: string, form: string): Generator<number> {
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) yield at;
}

/** Lower case, one code unit for one, so that positions stay those of the text. */
function lower(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  let out = '';
  for (const char of text) {
    const one = char.toLowerCase();
    out += one.length === char.length ? one : char;
  }
  return out;
}

// Stands for an escape cut off by the end of a text that goes on: it is in no form.
const CUT_ESCAPE = '\uffff';
const HEX_DIGIT = /^[0-9a-f]$/i;
const DECIMAL_DIGIT = /^\d$/;
const isHex = (digits: string): boolean => [...digits].every((digit) => HEX_DIGIT.test(digit));
const JSON_SHORT: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const HTML_NAMED: Record<string, string> = { 'lt;': '<', 'gt;': '>', 'quot;': '"', 'apos;': "'" };

/** A text with its escapes read, and where each of its characters starts in the original. */
interface ReadText {
  text: string;
  /** Where the read text's character at `index` starts in the original (its length past the end). */
  origin(index: number): number;
}

interface Escape {
  end: number;
  value: string;
}

/**
 * Reads one level of every escape a secret may travel in, in one pass from left to right:
 * percent escapes (a run that is UTF-8 as the character); JSON escapes; HTML references after any
 * number of `amp;` (`&amp;#43;`), numeric with any number of leading zeros, or named; a doubled
 * quote, as CSV writes a quote. With `cut` (the text goes on beyond its end), an escape cut off by
 * the end reads as one CUT_ESCAPE; without, as what it is written with.
 */
function readEscapes(text: string, cut: boolean): ReadText {
  const parts: string[] = [];
  let length = 0;
  // Where the read text and the original stop moving together: pairs of positions, in order.
  const readAt: number[] = [0];
  const originAt: number[] = [0];
  let copied = 0;
  for (let at = 0; at < text.length; ) {
    const found = readEscape(text, at);
    if (found === undefined || (found.value === CUT_ESCAPE && !cut)) {
      at += 1;
      continue;
    }
    parts.push(text.slice(copied, at), found.value);
    length += at - copied;
    readAt.push(length);
    originAt.push(at);
    length += found.value.length;
    readAt.push(length);
    originAt.push(found.end);
    copied = found.end;
    at = found.end;
  }
  if (copied === 0) return { text, origin: (index) => Math.min(index, text.length) };
  parts.push(text.slice(copied));
  length += text.length - copied;
  return {
    text: parts.join(''),
    origin(index) {
      if (index >= length) return text.length;
      // The last pair at or before index.
      let low = 0;
      let high = readAt.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (readAt[middle]! <= index) low = middle;
        else high = middle - 1;
      }
      return Math.min(originAt[low]! + (index - readAt[low]!), text.length);
    },
  };
}

/** The escape that starts at `at`, if one does. */
function readEscape(text: string, at: number): Escape | undefined {
  const char = text[at];
  if (char === '%') return readPercent(text, at);
  if (char === '\\') return readBackslash(text, at);
  if (char === '&') return readReference(text, at);
  if (char === '"' && text[at + 1] === '"') return { end: at + 2, value: '"' };
  return undefined;
}

const cutOff = (text: string): Escape => ({ end: text.length, value: CUT_ESCAPE });

function percentByte(text: string, at: number): number | undefined {
  const digits = text.slice(at + 1, at + 3);
  return text[at] === '%' && digits.length === 2 && isHex(digits) ? Number.parseInt(digits, 16) : undefined;
}

function readPercent(text: string, at: number): Escape | undefined {
  const first = percentByte(text, at);
  if (first === undefined) return text.length - at < 3 && isHex(text.slice(at + 1)) ? cutOff(text) : undefined;
  // A UTF-8 sequence of escapes reads as its character; a byte on its own as the byte.
  const more =
    first >= 0xc2 && first <= 0xdf ? 1 : first >= 0xe0 && first <= 0xef ? 2 : first >= 0xf0 && first <= 0xf4 ? 3 : 0;
  const bytes = [first];
  for (let index = 1; index <= more; index += 1) {
    const byte = percentByte(text, at + 3 * index);
    if (byte === undefined || byte < 0x80 || byte > 0xbf) break;
    bytes.push(byte);
  }
  if (bytes.length === more + 1 && more > 0) {
    const value = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
    if (!value.includes('\ufffd')) return { end: at + 3 * bytes.length, value };
  }
  return { end: at + 3, value: String.fromCharCode(first) };
}

function readBackslash(text: string, at: number): Escape | undefined {
  if (at + 1 === text.length) return cutOff(text);
  const after = text[at + 1]!;
  if (after === 'u') {
    const digits = text.slice(at + 2, at + 6);
    if (digits.length === 4 && isHex(digits))
      return { end: at + 6, value: String.fromCharCode(Number.parseInt(digits, 16)) };
    if (digits.length < 4 && isHex(digits)) return cutOff(text);
  }
  const short = JSON_SHORT[after];
  return short === undefined ? undefined : { end: at + 2, value: short };
}

function readReference(text: string, at: number): Escape | undefined {
  let next = at + 1;
  while (text.startsWith('amp;', next)) next += 4;
  const ampersand = next > at + 1 ? { end: next, value: '&' } : undefined;
  const rest = text.slice(next, next + 5);
  if ('amp;'.startsWith(rest)) return cutOff(text);
  if (rest[0] === '#') return readNumeric(text, next) ?? ampersand;
  for (const [name, value] of Object.entries(HTML_NAMED)) {
    if (rest.startsWith(name)) return { end: next + name.length, value };
    if (rest.length < name.length && name.startsWith(rest)) return cutOff(text);
  }
  return ampersand;
}

/** `&#43;` or `&#x2B;`, with any number of leading zeros; `hash` is where its `#` is. */
function readNumeric(text: string, hash: number): Escape | undefined {
  const hex = text[hash + 1] === 'x' || text[hash + 1] === 'X';
  const digit = hex ? HEX_DIGIT : DECIMAL_DIGIT;
  const first = hash + (hex ? 2 : 1);
  let next = first;
  while (text[next] === '0') next += 1;
  const significant = next;
  while (next < text.length && digit.test(text[next]!)) next += 1;
  if (next === text.length) return cutOff(text);
  const digits = text.slice(significant, next);
  if (text[next] !== ';' || next === first || digits.length > 7) return undefined;
  const code = digits === '' ? 0 : Number.parseInt(digits, hex ? 16 : 10);
  return code > 0x10ffff ? undefined : { end: next + 1, value: String.fromCodePoint(code) };
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
  return cutBody(redactor.redact(text.slice(0, searched), cut || text.length > searched));
}
