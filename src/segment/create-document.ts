import type { ArticleDoc, ArticleMetadata, DctSource } from '../document/types.js';
import { beginWinkDocument } from '../nlp/wink-isolation.js';
import { segmentText, type SegmentOptions } from './index.js';

export interface DocumentInput {
  readonly id: string;
  /** Already normalized stored text (LF, NFC, no BOM). */
  readonly text: string;
  readonly dct?: string | null;
  readonly dctSource?: DctSource;
  readonly metadata?: ArticleMetadata;
  readonly sourcePath?: string;
}

/** Builds the segmented document that the analysis stages extend. */
export function createDocument(input: DocumentInput, options: SegmentOptions = {}): ArticleDoc {
  const dct = input.dct ?? null;
  // Every document is tokenized as in a fresh process, whatever this thread read before (see wink-isolation).
  beginWinkDocument();
  const { diagnostics, ...segmentation } = segmentText(input.text, options);
  return {
    id: input.id,
    sourcePath: input.sourcePath ?? input.id,
    metadata: input.metadata ?? {},
    text: input.text,
    dct,
    dctSource: input.dctSource ?? (dct ? 'metadata' : 'none'),
    ...segmentation,
    diagnostics,
  };
}
