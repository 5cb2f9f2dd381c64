import { cutText } from './text';

/*
 * What counts as an email address, everywhere the bridge looks for one (attribute values and
 * keys, event names, page paths, referrers, reports):
 *
 * - a local part: characters other than whitespace and '@' (`"jane doe"@example.com` too);
 * - '@';
 * - a domain: labels of letters, digits, combining marks and hyphens joined by dots, the last
 *   one (the top-level label) either a letter followed by letters or marks (`com`, `COM`,
 *   `рф`), or `xn--` followed by letters, digits and hyphens (`xn--p1ai`, an internationalised
 *   domain in its ASCII form).
 *
 * Case does not matter. Inside longer text an address is found wherever it starts: one
 * character of local part before the '@' is enough (`<jane@example.com>`, `mailto:jane@…`).
 * Label lengths are not checked, so a domain of any length counts. `!@!.AA` is no address
 * (`!` is no domain label); `a@b.AA` is one.
 *
 * Text is read in every form it may be written in, one after the other until it stops
 * changing, at most MAX_ROUNDS (8) times: as given; then with every character that does not
 * show removed (format characters and Unicode's default-ignorable code points: zero-width
 * space, soft hyphen, variation selectors, the combining grapheme joiner, tags, unassigned
 * ignorable code points), in its Unicode compatibility form (NFKC: full-width `＠` and `．` as
 * an IME types them), ideographic full stops read as dots (as in domain names), and
 * percent-escapes decoded (`%40`, and `%2540` in a URL inside a URL over two rounds). Text
 * still changing after the last round (an address percent-encoded nine times or more) cannot
 * be read to the end, and is taken to hold an address.
 */
const LOCAL_CHAR = '[^\\s@]';
// What a report replaces: at most the 64 characters before the '@' (RFC 5321's longest local
// part), stopping at quotes and brackets, so that `"initial_jane@example.com"` keeps its quotes.
const REPLACED_LOCAL_PART = '[^\\s@"(),:;<>\\[\\]\\\\]{1,64}';
const DOMAIN = '(?:[\\p{L}\\p{M}\\p{N}-]+\\.)+(?:\\p{L}[\\p{L}\\p{M}]+|xn--[a-z\\d-]+)';
const CONTAINS_ADDRESS = new RegExp(`${LOCAL_CHAR}@${DOMAIN}`, 'iu');
const WHOLE_ADDRESS = new RegExp(`^${LOCAL_CHAR}+@${DOMAIN}$`, 'iu');
const EVERY_ADDRESS = new RegExp(`${REPLACED_LOCAL_PART}@${DOMAIN}`, 'giu');

// RFC 5321 caps the local part at 64 and the domain at 255 characters.
const ADDRESS_MAX = 64 + 1 + 255;

/**
 * How far past the part of a text that is sent `containsEmail` reads: one address at its
 * longest (320 characters) with every character percent-encoded. An address cut in half by a length limit
 * still counts as an address (`jane@exa` is personal data too), and so does one that starts
 * within this many characters after the cut: the text is then left out rather than cut.
 */
export const EMAIL_SCAN_MARGIN = 3 * ADDRESS_MAX;

// Decoding more often than this is not undone by any reader either.
const MAX_ROUNDS = 8;

// Characters that do not show: format characters and default-ignorable code points (which
// include variation selectors, U+034F and code points reserved to stay invisible, like U+2065).
const INVISIBLE_CHARACTERS = /[\p{Cf}\p{DI}]/gu;
// U+3002, U+FF61 (NFKC maps it to U+3002) and U+FF0E (NFKC maps it to '.') separate domain labels.
const IDEOGRAPHIC_STOPS = /\u3002/g;
const ESCAPE_RUNS = /(?:%[\da-f]{2})+/gi;
const NOT_PLAIN = /[^\x20-\x7e]|%/;

/** A run of percent-escapes decoded as UTF-8, the rest of the text left as it is. */
function decodeRun(run: string): string {
  const bytes = new Uint8Array(
    run
      .slice(1)
      .split('%')
      .map((hex) => Number.parseInt(hex, 16)),
  );
  // Bytes that are not UTF-8 are left out, so that they cannot hide what surrounds them.
  return new TextDecoder().decode(bytes).replace(/\uFFFD/g, '');
}

/** The next form of `text` to read: what a person or a browser would show for it. */
function nextForm(text: string): string {
  return text
    .replace(INVISIBLE_CHARACTERS, '')
    .normalize('NFKC')
    .replace(IDEOGRAPHIC_STOPS, '.')
    .replace(ESCAPE_RUNS, decodeRun);
}

/**
 * `text` read in each of its forms in turn (see above) until `pattern`, when given, matches one
 * or it stops changing: that form. `null` when it still changes after the last round.
 */
function read(text: string, pattern?: RegExp): string | null {
  let form = text;
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    // Printable ASCII without escapes reads the same in every form: most text ends here.
    if (pattern?.test(form) || !NOT_PLAIN.test(form)) return form;
    const next = nextForm(form);
    if (next === form) return form;
    form = next;
  }
  return null;
}

/** True when `pattern` matches `text` in one of its forms, or when what it finally reads as is unknown. */
function readsAs(text: string, pattern: RegExp): boolean {
  const form = read(text, pattern);
  return form === null || pattern.test(form);
}

/**
 * True when `text` contains an email address in any of the forms it may be written in (see
 * the definition above), or is still changing after the last round of reading. With
 * `sentLength`, only what can be sent is read: the first `sentLength` characters plus
 * EMAIL_SCAN_MARGIN, so that the cost is bounded by what reaches Hotjar rather than by what
 * the page was given.
 */
export function containsEmail(text: string, sentLength?: number): boolean {
  return readsAs(sentLength === undefined ? text : cutText(text, sentLength + EMAIL_SCAN_MARGIN), CONTAINS_ADDRESS);
}

/** True when `text`, trimmed, is one email address as written, and nothing else. */
export function isEmail(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= ADDRESS_MAX && WHOLE_ADDRESS.test(trimmed);
}

/** Stands for an email address in reports. */
export const EMAIL_PLACEHOLDER = '<email>';

/**
 * `text` with every email address, in any form `containsEmail` reads, replaced by `<email>`:
 * an address as written is replaced alone; a word that holds one only once decoded or
 * normalised is replaced whole; if an address still remains, the whole text is.
 */
export function withoutEmails(text: string): string {
  if (!containsEmail(text)) return text;
  const plain = text.replace(EVERY_ADDRESS, EMAIL_PLACEHOLDER);
  if (!containsEmail(plain)) return plain;
  const words = plain
    .split(/([\s"]+)/)
    .map((word) => (containsEmail(word) ? EMAIL_PLACEHOLDER : word))
    .join('');
  return containsEmail(words) ? EMAIL_PLACEHOLDER : words;
}

/**
 * `text` as `containsEmail` finally reads it: every form above applied until it stops
 * changing. `null` when it still changes after MAX_ROUNDS: what it says cannot be known.
 */
export function readableForm(text: string): string | null {
  return read(text);
}

// The last word of a text.
const LAST_WORD = /\S*$/u;
// A local-part character and '@': the start of an address, whatever follows.
const ADDRESS_START = /[^\s@]@/u;

/**
 * `text` as a report shows it: every address replaced as `withoutEmails` does, and then cut
 * to at most `max` characters, followed by '…' when anything was left out. The addresses are
 * replaced before the cut, reading EMAIL_SCAN_MARGIN characters past it, so no part of an
 * address crossing the cut is shown; and the last word at the cut is replaced too when it
 * holds a local part and '@' in any form (`jane.doe@exa`), since the rest of its domain is
 * unknown.
 */
export function shortenedWithoutEmails(text: string, max: number): string {
  const plain = withoutEmails(cutText(text, max + EMAIL_SCAN_MARGIN));
  // Nothing left out: neither at the margin nor at `max`.
  if (plain.length <= max && text.length <= max + EMAIL_SCAN_MARGIN) return plain;
  const shown = cutText(plain, max);
  const word = LAST_WORD.exec(shown)?.[0] ?? '';
  return `${readsAs(word, ADDRESS_START) ? shown.slice(0, shown.length - word.length) + EMAIL_PLACEHOLDER : shown}…`;
}
