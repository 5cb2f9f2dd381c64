// The three forms of an HTTP date that RFC 9110 (section 5.6.7) tells recipients to accept:
//   IMF-fixdate  Sun, 06 Nov 1994 08:49:37 GMT
//   RFC 850      Sunday, 06-Nov-94 08:49:37 GMT
//   asctime      Sun Nov  6 08:49:37 1994
// and nothing else: a general date parser reads `x 5` or `1.5` as some date.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

interface DateParts {
  day: string;
  month: string;
  year: number;
  time: [string, string, string];
}

/** The parts of an HTTP date in one of its three forms, or undefined. */
function dateParts(text: string, now: number): DateParts | undefined {
  const imf = IMF_FIXDATE.exec(text);
  if (imf !== null) {
    const [, day, month, year, hour, minute, second] = imf as unknown as string[];
    return { day: day!, month: month!, year: Number(year), time: [hour!, minute!, second!] };
  }
  const rfc850 = RFC_850.exec(text);
  if (rfc850 !== null) {
    const [, day, month, year, hour, minute, second] = rfc850 as unknown as string[];
    return { day: day!, month: month!, year: twoDigitYear(Number(year), now), time: [hour!, minute!, second!] };
  }
  const asctime = ASCTIME.exec(text);
  if (asctime !== null) {
    const [, month, day, hour, minute, second, year] = asctime as unknown as string[];
    return { day: day!.trim(), month: month!, year: Number(year), time: [hour!, minute!, second!] };
  }
  return undefined;
}

/** Milliseconds since the epoch for an HTTP date in one of its three forms, or undefined. */
export function parseHttpDate(text: string, now: number): number | undefined {
  const parts = dateParts(text, now);
  if (parts === undefined) return undefined;
  const month = MONTHS.indexOf(parts.month);
  const day = Number(parts.day);
  const [hour, minute, second] = parts.time.map(Number) as [number, number, number];
  // 60 is a leap second, which RFC 9110 allows.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  // Date.UTC rolls 31 Feb over into March: such a date does not exist.
  if (new Date(Date.UTC(parts.year, month, day)).getUTCDate() !== day) return undefined;
  return Date.UTC(parts.year, month, day, hour, minute, second);
}

/** RFC 9110: a two-digit year that would be more than 50 years in the future is in the past century. */
function twoDigitYear(year: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  let full = Math.floor(current / 100) * 100 + year;
  if (full > current + 50) full -= 100;
  return full;
}
