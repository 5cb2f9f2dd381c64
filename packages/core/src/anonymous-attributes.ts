const CAMPAIGN = [
  'referrer',
  'referring_domain',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'utm_id',
];

/**
 * The attributes an identify without a user id may carry, unless `anonymousAttributes` says
 * otherwise. Hotjar forbids personal data of any kind without a user id, because it cannot find
 * or delete it later; no code can recognise every kind of personal data, so anonymous
 * attributes pass through this allowlist instead. It holds Hotjar's own example of a safe
 * anonymous identify (`ab_test`, `referrer`) and campaign attribution, as analytics SDKs set it
 * (`referring_domain`, `utm_*`, and the `initial_*` forms Amplitude keeps from the first visit). Extend it with
 * `[...DEFAULT_ANONYMOUS_ATTRIBUTES, 'plan']`.
 */
export const DEFAULT_ANONYMOUS_ATTRIBUTES: readonly string[] = Object.freeze([
  'ab_test',
  ...CAMPAIGN,
  ...CAMPAIGN.map((key) => `initial_${key}`),
]);
