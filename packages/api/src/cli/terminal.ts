// Text that reaches a terminal or a shell from elsewhere (Hotjar's answers, a proxy's error
// page, a cursor) must not be able to act there: no escape sequence, no line break that fakes a
// line of our own, no bidi control that reorders what the reader sees, no argument a shell expands.

// DEL, C1, the Arabic letter mark, the left-to-right and right-to-left marks, line and paragraph
// separators, bidi embeddings, overrides and isolates.
const BEYOND_C0 = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
// With every C0 character (tab, line feed, carriage return and escape included).
const UNSAFE = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]`, 'g');
// JSON.stringify escapes C0 itself.
const UNSAFE_IN_JSON = new RegExp(`[${BEYOND_C0}]`, 'g');
// For data that may span lines (a CSV cell): line feeds and tabs stay.
const UNSAFE_MULTILINE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${BEYOND_C0}]`, 'g');

function hex(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text from outside, safe to print on one line: every control character shown as `\xHH` or `\uHHHH`. */
export function inert(text: string): string {
  return text.replace(UNSAFE, hex);
}

/** As `inert`, keeping line feeds and tabs: for multi-line data shown on a terminal. */
export function inertLines(text: string): string {
  return text.replace(UNSAFE_MULTILINE, hex);
}

/** Whether a text holds a character `inert` would replace. */
export function hasControl(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * JSON text of a value with every control character escaped (`\u009b`): JSON.stringify escapes
 * C0 only. The result parses back to the same value.
 */
export function inertJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One argument for a POSIX shell: bare when it holds only characters no shell treats specially
 * (and does not start with `=`, which zsh expands), else single-quoted, `'` written as `'\''`.
 */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
