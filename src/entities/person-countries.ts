import type { ArticleDoc, EntityMention, EntitySummary } from '../document/types.js';
import { resolveCountry } from './countries.js';
import { institutionCountry, leaderCountry } from './leaders.js';

/**
 * Words that may stand between a nationality and a name ("Colombian President Gustavo Petro"); the
 * tension stage's subject finder skips them too ("the former President").
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(['president', 'prime', 'minister', 'foreign', 'defense', 'defence', 'secretary', 'state', 'leader', 'chancellor', 'king', 'queen', 'premier', 'ambassador', 'envoy', 'general', 'gen.', 'former', 'then', 'vice', 'deputy', 'senator', 'sen.', 'governor', 'gov.', 'chief', 'army', 'military', 'commander', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'diplomat', 'opposition', 'interior', 'finance', 'trade', 'top', 'senior', 'of', 'the', 'mayor', 'representative', 'rep.', 'lawmaker', 'ruler', 'dictator', 'emir', 'sheikh', 'crown', 'prince', 'supreme', 'ayatollah', 'cabinet', 'national', 'security', 'adviser', 'advisor', 'house', 'speaker', 'parliament', 'counterpart', 'prophet', 'pope', 'sultan', 'colonel', 'lieutenant', 'major', 'field', 'marshal', 'admiral', 'commissioner', 'chairman', 'chairwoman', 'secretary-general', 'director', 'justice', 'judge']);

/**
 * Country codes for the article's people and organizations that their own mentions left without one.
 * In this order, because the text beats the table and the table feeds the last pass:
 * 1. the text: a name first introduced with a nationality ("U.S. President Donald Trump", "Colombian
 *    President Gustavo Petro") takes that country;
 * 2. the office-holders table (data/leaders.json) on the article's date: a person whose canonical name,
 *    or bare surname, was in office in one country then ("Petro" in 2023 -> CO), and a seat of
 *    government ("the Kremlin" -> RU);
 * 3. an organization named after such a person ("the Trump administration") takes the person's.
 */
export function assignCountries(doc: ArticleDoc, entities: readonly EntityMention[], summary: readonly EntitySummary[]): EntitySummary[] {
  const byId = new Map(summary.map((s) => [s.entityId, s]));
  const assigned = new Map<string, string>();
  const codeOf = (id: string): string | null => byId.get(id)?.countryCode ?? assigned.get(id) ?? null;
  for (let i = 1; i < entities.length; i++) {
    const m = entities[i]!;
    if ((m.type !== 'PERSON' && m.type !== 'ORG') || codeOf(m.entityId)) continue;
    const before = entities[i - 1]!;
    if (before.type !== 'GPE' && before.type !== 'NORP') continue;
    const between = doc.text.slice(before.end, m.start);
    if (between.length > 60 || /[.;:!?\n]/u.test(between.replace(/\b\p{L}+\./gu, ''))) continue;
    const words = between.toLowerCase().split(/[\s,'’]+/u).filter((w) => w !== '' && w !== 's');
    if (!words.every((w) => ROLE_WORDS.has(w))) continue;
    const code = codeOf(before.entityId) ?? resolveCountry(before.text)?.code ?? null;
    if (code) assigned.set(m.entityId, code);
  }
  for (const s of summary) {
    if (s.countryCode || assigned.has(s.entityId)) continue;
    const code = s.type === 'PERSON' ? leaderCountry(s.canonical, doc.dct) : s.type === 'ORG' || s.type === 'FAC' ? institutionCountry(s.canonical) : null;
    if (code) assigned.set(s.entityId, code);
  }
  // Organizations named after a person with a country: "Trump administration", "Petro government".
  const people = summary.filter((s) => s.type === 'PERSON' && codeOf(s.entityId));
  for (const s of summary) {
    if (s.type !== 'ORG' || codeOf(s.entityId)) continue;
    const words = s.canonical.split(/\s+/u);
    const person = people.find((p) => {
      const surname = p.canonical.split(/\s+/u).pop() ?? '';
      return surname.length > 2 && words.includes(surname);
    });
    if (person) assigned.set(s.entityId, codeOf(person.entityId)!);
  }
  return summary.map((s) => (assigned.has(s.entityId) ? { ...s, countryCode: assigned.get(s.entityId)! } : s));
}
