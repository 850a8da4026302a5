import type { ArticleMetadata } from '../document/types.js';

export { parsePublicationDate } from './publication-date.js';

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
