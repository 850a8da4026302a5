import { calendarDateRules } from './calendar-dates.js';
import { quantityRules } from './quantities.js';
import { relativeRules } from './relative.js';
import { timeAndReferenceRules } from './times-and-refs.js';
import type { DateRule } from './types.js';

/**
 * Every rule, in priority order: when two candidates cover the same span length, the earlier rule
 * wins (longer spans always win first; see extract.ts).
 */
export const DATE_RULES: readonly DateRule[] = [...calendarDateRules, ...relativeRules, ...timeAndReferenceRules, ...quantityRules];

export type { DateRule } from './types.js';
