/** Cuts `text` to at most `max` UTF-16 units without leaving half of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  // A high surrogate kept would be half a character.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** `text` up to its first `?` or `#`: a URL or a path without its query string and fragment. */
export function withoutQuery(text: string): string {
  return text.replace(/[?#][\s\S]*/, '');
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
