/**
 * Word lists that shape a valence score: negators, intensifiers and hedges, contrast markers.
 * Kept as data so the scorer reads as a short loop and the lists can be reviewed on their own.
 */

/** Words that flip the valence of what follows within their scope (wink normalizes "n't" to "not"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'unable', 'fail', 'failed', 'fails', 'failure', 'not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'nowhere', 'without', 'hardly',
  'barely', 'scarcely', 'rarely', 'seldom', 'lack', 'lacks', 'lacked', 'lacking', 'cannot', 'nt',
]);

/**
 * Degree adverbs: a positive value strengthens the next sentiment word, a negative one weakens it
 * (VADER's B_INCR/B_DECR of 0.293, applied to the absolute valence).
 */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ...['absolutely', 'completely', 'considerably', 'deeply', 'enormously', 'entirely', 'especially', 'exceptionally',
    'extremely', 'fully', 'greatly', 'highly', 'hugely', 'incredibly', 'intensely', 'particularly', 'profoundly',
    'really', 'remarkably', 'seriously', 'severely', 'so', 'strongly', 'substantially', 'thoroughly', 'too',
    'totally', 'tremendously', 'truly', 'utterly', 'very', 'most', 'more', 'sharply', 'gravely', 'bitterly',
    'increasingly', 'terribly', 'vastly', 'much', 'even']
    .map((w): [string, number] => [w, 0.293]),
  ...['almost', 'slightly', 'somewhat', 'partly', 'marginally', 'little', 'less', 'mildly', 'moderately',
    'relatively', 'fairly', 'rather', 'occasionally']
    .map((w): [string, number] => [w, -0.293]),
]);

/** Hedges make a whole clause less committed; news prose hedges claims rather than feelings. */
export const HEDGES: ReadonlySet<string> = new Set([
  'may', 'might', 'could', 'perhaps', 'possibly', 'maybe', 'apparently', 'reportedly', 'allegedly',
  'seemingly', 'arguably', 'probably', 'likely', 'unlikely', 'suggest', 'appear', 'seem',
]);

/** Contrast markers: the clause after them carries the writer's point, the one before is conceded. */
export const CONTRAST_AFTER: ReadonlySet<string> = new Set(['but', 'however', 'yet', 'nevertheless', 'nonetheless', 'still']);
/** Punctuation that closes a clause: negation and reducing words do not reach past it. */
export const CLAUSE_BREAK_WORDS: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '(', ')']);

/** Concessive openers: the clause they open is conceded, the main clause after the comma counts. */
export const CONCESSIVE: ReadonlySet<string> = new Set(['although', 'though', 'despite', 'while', 'whereas']);

/** Words in the VADER list that are sentiment-neutral in news prose (names of offices, function words). */
export const NEUTRAL_IN_NEWS: ReadonlySet<string> = new Set([
  'like', 'please', 'joke', 'party', 'united', 'justice', 'care', 'help', 'pretty', 'well', 'yes', 'no',
  'kind', 'sort', 'fine', 'honor', 'lord', 'god', 'interest', 'interests', 'share', 'shares', 'chance',
  'mean', 'ok', 'okay', 'support', 'reach', 'natural', 'matter', 'free', 'wish', 'want', 'will', 'dear',
]);


/**
 * Verbs and nouns that lessen or undo what follows them: "reduce the risk of cancer", "fight disease",
 * "prevent violence", "fewer deaths" read as good news, "cut benefits" as bad. The valence of the words
 * in their scope is reversed (damped) rather than taken as the sentence's own tone.
 */
export const REDUCERS: ReadonlySet<string> = new Set([
  'reduce', 'reduction', 'lower', 'lessen', 'cut', 'curb', 'fight', 'prevent', 'prevention', 'avoid',
  'eliminate', 'ease', 'relieve', 'alleviate', 'cure', 'overcome', 'escape', 'stop', 'halt', 'block',
  'fewer', 'less', 'minimize', 'mitigate', 'tackle', 'counter', 'defeat', 'resolve', 'remove', 'abolish',
  'ban', 'detect', 'detection', 'treat', 'protect', 'against', 'decline',
]);
