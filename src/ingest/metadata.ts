import { isValid, parseISO } from 'date-fns';
import type { ArticleMetadata } from '../document/types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/u;

/**
 * The publication date as the article states it: an ISO 8601 date, or a date-time with an offset
 * (its date part is taken as written, in the article's own time zone, never converted to the
 * machine's). Returns null when the value is not a valid ISO date.
 */
export function parsePublicationDate(value: unknown): string | null {
  if (value instanceof Date) return null; // YAML timestamps are not produced by our parser; be explicit.
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!ISO_DATE.test(trimmed) && !ISO_DATE_TIME.test(trimmed)) return null;
  const datePart = trimmed.slice(0, 10);
  const parsed = parseISO(datePart);
  // parseISO accepts 2026-02-30 as March 2; the round trip rejects impossible calendar dates.
  if (!isValid(parsed)) return null;
  const roundTrip = `${String(parsed.getFullYear()).padStart(4, '0')}-${String(parsed.getMonth() + 1).padStart(2, '0')}-${String(parsed.getDate()).padStart(2, '0')}`;
  return roundTrip === datePart ? datePart : null;
}

export type MetadataCheck = { ok: true; metadata: ArticleMetadata } | { ok: false; reason: string };

export function checkMetadata(raw: unknown): MetadataCheck {
  if (raw === null || raw === undefined) return { ok: true, metadata: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'metadata is not a key/value object' };
  const metadata = { ...(raw as Record<string, unknown>) };
  if ('id' in metadata) {
    const id = metadata.id;
    if (typeof id === 'number' && Number.isFinite(id)) metadata.id = String(id);
    else if (typeof id !== 'string' || id.trim() === '') return { ok: false, reason: 'metadata "id" must be a non-empty string' };
    else metadata.id = id.trim();
  }
  for (const key of ['title', 'source', 'url'] as const) {
    if (key in metadata && metadata[key] !== null && typeof metadata[key] !== 'string') {
      return { ok: false, reason: `metadata "${key}" must be a string` };
    }
  }
  return { ok: true, metadata: metadata as ArticleMetadata };
}
