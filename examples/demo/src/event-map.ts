import type { EventMap } from '@hotjar-bridge/core';

/**
 * The demo's `events.map`, given to both plugins: one Hotjar event per A/B variant, so that
 * recordings can be filtered by it, as Hotjar advises; every other event keeps its own name.
 */
export const eventMap: EventMap = ({ name, properties }) =>
  name === 'Experiment Viewed' ? `experiment_${String(properties.experiment)}_${String(properties.variation)}` : name;
