/**
 * Every filter that drops a date candidate, by stable kebab-case id, with what it checks. A rule's `build`
 * returns one of these ids instead of a draft when a filter rejects its match; the stage's own refiners
 * (the last four) drop candidates after the rules. `explainDates` (src/dates/index.ts) records, for each
 * dropped candidate, the rule that proposed it and the filter that dropped it, as a timex records its `rule`.
 * Ids are stable: they name decisions a researcher may cite, so rename one only with a reason.
 */
export const DATE_FILTERS = {
  // Shared by several rules.
  'month-lowercase': 'a month name must be capitalized ("may" the modal, "march" the verb)',
  'weekday-lowercase': 'a weekday name must be capitalized',
  'invalid-calendar-day': 'the day does not exist in that month ("February 30")',
  'counts-things': 'a number before a plural or counted noun counts things ("2000 soldiers", "two thousand people")',
  'capitalized-title': 'a capitalized unit or word inside a sentence is a title or a name ("This Week", "60 Minutes", "VOA Today", "the Daily Telegraph")',
  'age': 'an age, not a time ("a 52-year-old", "five years old", "in his 80s", "years of age")',
  'indefinite-plural': '"a"/"an" before a plural or a range is no quantity ("a years", "a to six days")',
  // Calendar dates.
  'range-not-ascending': 'the second day of "April 24 and 25" must come after the first',
  'week-of-needs-day-or-ordinal': '"the week of" needs a day ("the week of March 6") or an ordinal ("the last week of March"), not both',
  'may-march-not-month': 'a bare "May"/"March" without a dating word around it is the modal or the verb, not the month',
  'percentage': 'a month-day followed by a percent sign is a figure',
  'part-of-name': 'a month name before a capitalized word is part of a name ("August Wilson")',
  'half-without-year': 'a bare "H1"/"2H" is too often a code; halves need their year',
  'generic-period': '"the period" names a quarter only with a dating word (latest, same, comparable, a year ago)',
  'unheaded-year-ago-phrase': '"year earlier" without "quarter"/"period" is left to the rule for "a year earlier"',
  'month-year-owns-year': 'in "October 1984 and later" the month-year rule owns the year',
  'number-label': 'a number after "No.", "flight", "route", "room", ... is a label',
  'street-address': 'a number before a street name is an address ("1600 Pennsylvania Avenue")',
  'not-a-spoken-year': 'the spelled-out words do not make a year',
  'season-without-dating-word': 'a bare season needs a year, a modifier or a preposition such as "in", "since"',
  'event-noun': '"the fall of the Berlin Wall": a season word before "of" names an event',
  'bare-fall': 'a bare "fall" is the verb or the noun, not the season',
  'century-out-of-range': 'only centuries up to the 22nd are taken',
  // Relative dates.
  'generic-today': '"today\'s world", "many of today\'s computers": no particular day',
  'generic-part-of-day': '"the night the plane went down": a part of the day not after "in" is left to the date it names',
  'generic-day': '"the day" without a direction or an anaphor names no day',
  'ordinal-position': '"the last week of March", "the first day of": a position inside another period',
  'generic-unit': '"the month", "the quarter" alone names no period (only year, week and weekend are taken)',
  'relative-clause-unit': '"the week before", "the year that": the unit heads a clause, not a date',
  'back-not-at-clause-end': '"N years back" is a date only at the end of a clause',
  'length-before-later': '"three days later", "five days after": TimeML tags the length alone (the duration rule takes it)',
  // Times and vague references.
  'hour-out-of-range': 'an hour over 12 with a.m./p.m.',
  'time-zone-repeat': '"10:35 a.m. (0735 GMT)": the conversion repeats the time before it',
  'high-noon': '"High Noon" (the film), "high noon" (the showdown) name no time of day',
  'technical-current': '"current" before a technical term ("current account", "current assets") or no noun',
  'discourse-now': 'a sentence-initial "Now," is a discourse marker',
  // Durations and sets.
  'year-not-length': '"the 1988 quarter" names a year, not a length',
  'vague-singular': 'a vague number before a singular unit ("some day") without a hyphen is no length',
  'day-idiom': '"One day, he said": an idiom, not a length, outside a length slot ("for one day", "in the job one day.")',
  'ordinal-second': '"a second term": an ordinal, not a length',
  'fraction-quarter': '"three-quarters of the shares": a fraction, not a length',
  'range-not-a-length': 'the numbers of a range must be known and ascending',
  'definite-plural': '"the years of war": a definite plural is a length only as "the weeks ahead" or "over the years"',
  'bare-plural': 'a bare plural unit ("years") is a length only after a preposition or a verb of lasting',
  // The stage's refiners (src/dates/index.ts).
  'crosses-line-break': 'a match that runs across a line break joins a headline to a dateline, or two lines',
  'empty-span': 'the rule gave an empty span',
  'overlaps-longer-span': 'overlaps a candidate kept before it: longer spans first, then rule order',
  'no-value': 'the resolver found no value (a day that does not exist in the resolved year; a vague reference with `dates.vagueReferences` off; "that day" after no named day)',
} as const;

export type DateFilterId = keyof typeof DATE_FILTERS;
