import type { ArticleDoc, EntityMention, EntityType, Stage, With } from '../document/types.js';
import { findCandidates, type Candidate } from './candidates.js';
import { classifyCandidate, type Typing } from './classify.js';
import type { EntitiesConfig } from './config.js';
import { resolveCountry } from './countries.js';
import { institutionCountry, leaderCountry } from './leaders.js';
import { getLexicon } from './lexicon.js';
import { linkMentions, type TypedMention } from './link.js';
import { nameKey } from './normalize.js';
import { assignCountries } from './person-countries.js';
import { applyModel, defaultModel, type EntityModel } from './model/index.js';
import type { EntityRuleId } from './rules.js';

export { entitiesConfigSchema, type EntitiesConfig } from './config.js';
export { resolveCountry, countryName, type CountryMatch } from './countries.js';
export { institutionCountry, leaderCountry } from './leaders.js';
export { ENTITY_RULES, type EntityRule } from './rules.js';

type EntitiesStage = Stage<ArticleDoc, With<'entities' | 'entitySummary'>, EntitiesConfig>;

/**
 * The entity stage: people, organizations, places (GPE, LOC, FAC) and nationalities (NORP), each
 * mention linked to a canonical entity of the article with its ISO country code where it has one.
 *
 * Order matters: candidates come from capitalization and data; each is typed on its own; then
 * article-level passes use what the article itself says (a full name typed once types its short
 * forms; an acronym in parentheses takes its expansion's type); only then are mentions linked.
 */
export const extractEntities: EntitiesStage = (doc, config) => {
  const mentions = findMentions(doc, config);
  const kept = mentions.filter((m) => config.types.includes(m.type));
  const { entities, summary } = linkMentions(kept);
  const sorted = sortMentions(entities);
  // After linking: the text and the office-holders table speak about entities, not single mentions.
  return { ...doc, entities: sorted, entitySummary: assignCountries(doc, sorted, summary) };
};

/** Typed mentions before linking; exported for the evaluation. */
export function findMentions(doc: ArticleDoc, config: Readonly<EntitiesConfig>, model: EntityModel | null = config.model ? defaultModel() : null): TypedMention[] {
  return mentionsFromCandidates(doc, config, typeCandidates(doc, config), model);
}

/** The second half of `findMentions`, for callers that reuse typed candidates (cross-validation). */
export function mentionsFromCandidates(
  doc: ArticleDoc,
  config: Readonly<EntitiesConfig>,
  typed: { readonly candidates: readonly Candidate[]; readonly typings: ReadonlyArray<Typing | null> },
  model: EntityModel | null,
): TypedMention[] {
  const { candidates, typings: ruleTypings } = typed;
  const typings = model ? applyModel(doc, candidates, ruleTypings, model) : [...ruleTypings];

  const mentions: TypedMention[] = [];
  for (const place of doc.dateline?.places ?? []) {
    const country = resolveCountry(place.text);
    mentions.push({ start: place.start, end: place.end, text: place.text, type: 'GPE', rule: 'dateline-place', title: null, countryCode: country?.code ?? null });
  }
  candidates.forEach((c, i) => {
    // Last resort, after rules and model: a name of the office-holders table. Its country is set after
    // linking (assignCountries), where what the article itself says comes first.
    const t = typings[i] ?? officeTyping(c, doc.dct, config);
    if (!t) return;
    const type: EntityType = t.rule === 'fac-suffix' && isSeatOfGovernment(c) ? config.seatOfGovernment : t.type;
    mentions.push({
      start: c.start,
      end: c.end,
      text: c.text,
      type,
      rule: t.rule,
      title: type === 'PERSON' && (config.lowercaseRoleTitles || /^\p{Lu}/u.test(c.title ?? '')) ? c.title : null,
      countryCode: t.countryCode,
    });
  });
  addAdministrations(doc, candidates, typings, mentions);
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Candidates with their rule-based types, after the article-level passes. */
export function typeCandidates(doc: ArticleDoc, config: Readonly<EntitiesConfig>): { candidates: Candidate[]; typings: Array<Typing | null> } {
  const candidates = findCandidates(doc);
  const typings: Array<Typing | null> = candidates.map((c) => classifyCandidate(c));
  applyArticleEvidence(doc, candidates, typings, config);
  return { candidates, typings };
}

function officeTyping(c: Candidate, dct: string | null, config: Readonly<EntitiesConfig>): Typing | null {
  if (institutionCountry(c.text)) return { type: config.seatOfGovernment, rule: 'seat-of-government', countryCode: null, strength: 'weak' };
  // Without a publication date a bare surname would be matched against every term since 1945 (11,000 people):
  // too many ordinary surnames ("Brown") in older or undated texts, so only full names type then.
  if ((dct !== null || c.keys.length > 1) && leaderCountry(c.text, dct)) return { type: 'PERSON', rule: 'leader-table', countryCode: null, strength: 'weak' };
  return null;
}

function isSeatOfGovernment(c: Candidate): boolean {
  return ['white house', 'blue house', 'elysee palace', 'downing street', 'kremlin', 'pentagon'].includes(nameKey(c.text));
}

/**
 * What the article itself tells about its names. Passes run in this order because each feeds the next:
 * acronyms take their expansion's type; short forms take the type of the full name they are part of;
 * remaining unknown names are typed from context.
 */
function applyArticleEvidence(doc: ArticleDoc, candidates: readonly Candidate[], typings: Array<Typing | null>, config: Readonly<EntitiesConfig>): void {
  const set = (i: number, type: EntityType, rule: EntityRuleId, countryCode: string | null = null): void => {
    typings[i] = { type, rule, countryCode, strength: 'weak' };
  };
  const text = doc.text;
  // 1. "United States Air Force (USAF)": the parenthesized acronym names the same thing.
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i]!;
    const prev = candidates[i - 1]!;
    const t = typings[i - 1];
    if (!t || c.keys.length !== 1 || !/^[\p{Lu}][\p{Lu}&.\d]+$/u.test(c.text)) continue;
    if (text.slice(prev.end, c.start).trim() !== '(' || text[c.end] !== ')') continue;
    if (typings[i]?.strength === 'strong' && typings[i]!.rule !== 'acronym') continue;
    set(i, t.type, 'acronym-expansion', t.countryCode);
  }
  // 2. Parts of full names typed elsewhere in the article.
  const personWords = new Set<string>();
  const orgPrefixes = new Map<string, string>();
  const typedByKey = new Map<string, Typing>();
  const lex = getLexicon();
  candidates.forEach((c, i) => {
    // Last resort, after rules and model: a name of the office-holders table. Its country is set after
    // linking (assignCountries), where what the article itself says comes first.
    const t = typings[i] ?? officeTyping(c, doc.dct, config);
    if (!t) return;
    const key = c.keys.join(' ');
    if (!typedByKey.has(key) || typedByKey.get(key)!.strength === 'weak') typedByKey.set(key, t);
    // "Texas Longhorns" mistyped as a person must not make every "Texas" a person: a name that starts with a
    // known place and not a first name lends no words.
    const placeFirst = (lex.regions.has(c.keys[0]!) || lex.cities.has(c.keys[0]!)) && !lex.firstNames.has(c.keys[0]!);
    if (t.type === 'PERSON' && c.keys.length > 1 && !placeFirst) for (const k of c.keys) if (k.length > 1) personWords.add(k);
    if (t.type === 'ORG' && c.keys.length > 1) {
      for (let n = 1; n < c.keys.length; n++) {
        const prefix = c.keys.slice(0, n).join(' ');
        if (!lex.commonWords.has(prefix) && !resolveCountry(prefix)) orgPrefixes.set(prefix, key);
      }
    }
  });
  candidates.forEach((c, i) => {
    const t = typings[i];
    const key = c.keys.join(' ');
    if (t?.strength === 'strong' && t.type !== 'GPE') return;
    if (c.keys.every((k) => personWords.has(k)) && (!t || t.type !== 'PERSON')) {
      // A surname typed as a place by the lexicon ("Washington" after "Denzel Washington") is the person.
      if (!t || t.strength === 'weak' || t.rule === 'capital-city' || t.rule === 'place-lexicon') set(i, 'PERSON', 'same-doc-person');
      return;
    }
    if (t) return;
    const known = typedByKey.get(key);
    if (known) {
      set(i, known.type, 'same-doc-string', known.countryCode);
      return;
    }
    if (orgPrefixes.has(key)) set(i, 'ORG', 'same-doc-org');
  });
  // 3. Names nothing recognized: context and shape, where capitals are trustworthy. (What the article says
  // around a name, "the band X", is left to the classifier: see context.ts.)
  candidates.forEach((c, i) => {
    if (typings[i] || c.inTitleCase || !config.guessUnknownNames) return;
    const guess = guessFromContext(doc, c);
    if (guess) set(i, guess.type, guess.rule);
  });
}

/** Context clues for a name no data recognizes. */
function guessFromContext(doc: ArticleDoc, c: Candidate): { type: EntityType; rule: EntityRuleId } | null {
  const lex = getLexicon();
  const words = c.text.split(/\s+/u);
  if (c.keys.length >= 2 && c.keys.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) && c.keys.every((k) => !lex.commonWords.has(k))) {
    return { type: 'PERSON', rule: 'unknown-multiword' };
  }
  return null;
}

/**
 * "the Trump administration": a person's name before "administration" names a government (ORG). The
 * surname alone may have no type of its own in a short text, so any candidate that is not a place or
 * nationality qualifies.
 */
function addAdministrations(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>, mentions: TypedMention[]): void {
  candidates.forEach((c, i) => {
    const t = typings[i];
    if (t && t.type !== 'PERSON') return;
    const after = /^\s+administration\b/u.exec(doc.text.slice(c.end, c.end + 20));
    if (!after) return;
    const end = c.end + after[0].length;
    const mention: TypedMention = { start: c.start, end, text: doc.text.slice(c.start, end), type: 'ORG', rule: 'person-administration', title: null, countryCode: null };
    const at = mentions.findIndex((m) => m.start === c.start && m.end === c.end);
    if (at >= 0) mentions[at] = mention;
    else mentions.push(mention);
  });
}

function sortMentions(entities: EntityMention[]): EntityMention[] {
  return entities.sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type) || a.rule.localeCompare(b.rule));
}
