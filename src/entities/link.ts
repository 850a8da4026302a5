import type { EntityMention, EntitySummary, EntityType } from '../document/types.js';
import { countryName } from './countries.js';
import { nameKey } from './normalize.js';

/** A typed mention before linking. */
export interface TypedMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  readonly rule: string;
  readonly title: string | null;
  readonly countryCode: string | null;
}

interface EntityDraft {
  readonly id: string;
  readonly type: EntityType;
  readonly keys: readonly string[];
  countryCode: string | null;
  forms: string[];
  mentions: number;
  firstOffset: number;
}

/**
 * Links every mention to one entity of the article. A person or organization mention joins the longest
 * mention of the same type whose words contain its words ("Petro" -> "Gustavo Petro"); countries and
 * nationalities join by country code ("U.S." = "United States"); other names by their key, so
 * "Bogota", "Bogotá" and "BOGOTÁ" are one city. The canonical name is the fullest form used.
 */
export function linkMentions(mentions: readonly TypedMention[]): { entities: EntityMention[]; summary: EntitySummary[] } {
  const drafts: EntityDraft[] = [];
  const byKey = new Map<string, EntityDraft>();
  // Longest first, so short forms find the full name whatever order they appear in.
  const order = mentions.map((m, i) => i).sort((a, b) => mentions[b]!.text.length - mentions[a]!.text.length || mentions[a]!.start - mentions[b]!.start);
  const entityOf = new Array<EntityDraft>(mentions.length);
  for (const i of order) {
    const m = mentions[i]!;
    const key = nameKey(m.text);
    const words = key.split(' ');
    let draft: EntityDraft | undefined;
    if (m.countryCode && (m.rule === 'country-name' || m.rule === 'demonym' || m.rule === 'dateline-place' || m.rule === 'capital-city')) {
      // Country names and demonyms of one country are one entity each; a capital stays its own city.
      const isCountry = m.rule === 'country-name' || (m.rule === 'dateline-place' && countryName(m.countryCode) !== null && nameKey(countryName(m.countryCode)!) === key);
      const k = isCountry ? `${m.type}:country:${m.countryCode}` : m.type === 'NORP' ? `NORP:${m.countryCode}` : `${m.type}:${key}`;
      draft = byKey.get(k);
      if (!draft) {
        draft = newDraft(drafts, m, words);
        byKey.set(k, draft);
      }
    } else {
      draft = byKey.get(`${m.type}:${key}`);
      if (!draft && (m.type === 'PERSON' || m.type === 'ORG')) {
        draft = drafts.find((d) => d.type === m.type && d.keys.length > words.length && containsWords(d.keys, words));
        // "EADS" after "European Aeronautic Defence and Space Company": an acronym of the full name.
        draft ??= m.type === 'ORG' && /^[\p{Lu}.]+$/u.test(m.text) ? drafts.find((d) => d.type === 'ORG' && initials(d.keys) === key) : undefined;
      }
      if (!draft) draft = newDraft(drafts, m, words);
      byKey.set(`${m.type}:${key}`, draft);
    }
    draft.forms.push(m.text);
    draft.mentions++;
    draft.firstOffset = Math.min(draft.firstOffset, m.start);
    draft.countryCode ??= m.countryCode;
    entityOf[i] = draft;
  }
  // Entity ids follow first appearance, so they are stable and readable ("e1" is the first name in the text).
  const byFirst = [...drafts].sort((a, b) => a.firstOffset - b.firstOffset);
  const ids = new Map<EntityDraft, string>();
  byFirst.forEach((d, n) => ids.set(d, `e${n + 1}`));
  const entities: EntityMention[] = mentions.map((m, i) => ({
    start: m.start,
    end: m.end,
    text: m.text,
    type: m.type,
    entityId: ids.get(entityOf[i]!)!,
    title: m.title,
    rule: m.rule,
  }));
  const summary: EntitySummary[] = byFirst.map((d) => ({
    entityId: ids.get(d)!,
    canonical: canonicalForm(d),
    type: d.type,
    countryCode: d.countryCode,
    mentions: d.mentions,
    firstOffset: d.firstOffset,
  }));
  return { entities, summary };
}

function newDraft(drafts: EntityDraft[], m: TypedMention, words: readonly string[]): EntityDraft {
  const draft: EntityDraft = { id: '', type: m.type, keys: words, countryCode: m.countryCode, forms: [], mentions: 0, firstOffset: m.start };
  drafts.push(draft);
  return draft;
}

function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/** Legal-form and generic company words that acronyms leave out ("EADS" for "... Space Company"). */
const NOT_IN_ACRONYMS = new Set(['of', 'and', 'the', 'for', '&', 'de', 'company', 'corporation', 'inc', 'corp', 'ltd', 'llc', 'plc', 'co', 'nv', 'ag', 'sa', 'group']);

function initials(keys: readonly string[]): string {
  return keys
    .filter((k) => !NOT_IN_ACRONYMS.has(k))
    .map((k) => k[0] ?? '')
    .join('');
}

/** The fullest form: the longest; among equals, one not in capitals and with its diacritics ("Bogotá"). */
function canonicalForm(d: EntityDraft): string {
  const score = (s: string): number => s.length * 4 + (s !== s.toUpperCase() ? 2 : 0) + (/[^\x00-\x7F]/u.test(s) ? 1 : 0);
  let best = d.forms[0]!;
  for (const f of d.forms) if (score(f) > score(best)) best = f;
  // A place known only from an upper-case dateline ("BOGOTÁ") reads as a name; acronyms stay as written.
  if ((d.type === 'GPE' || d.type === 'LOC' || d.type === 'FAC') && best === best.toUpperCase() && best.length > 3 && !best.includes('.')) {
    best = best.replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());
  }
  return best;
}
