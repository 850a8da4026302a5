/**
 * Readers of the public gold data in ../shared/eval (JSON Lines), shared by the evaluations and the
 * training tools. Gold offsets are string indexes into the gold text, as the gold files give them.
 */
import { readFile } from 'node:fs/promises';

/** Any gold file of JSON Lines: one record per non-blank line. */
export async function readJsonl<T>(path: string): Promise<T[]> {
  return readJsonlText<T>(await readFile(path, 'utf8'));
}

function readJsonlText<T>(raw: string): T[] {
  return raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

export interface GoldEntity {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}
export interface GoldDocument {
  readonly id: string;
  readonly source?: string;
  readonly text: string;
  readonly entities: readonly GoldEntity[];
}

/** Entity gold (`ner-dev.jsonl`): one document per line, entity offsets as string indexes into its text. */
export async function readEntityGold(path: string): Promise<GoldDocument[]> {
  const raw = await readFile(path, 'utf8');
  return readJsonlText<GoldDocument>(raw);
}

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly mod?: string;
}

export interface GoldTimexDocument {
  readonly id: string;
  readonly dct: string | null;
  readonly text: string;
  readonly timexes: readonly GoldTimex[];
}

export async function readTimexGold(goldPath: string): Promise<GoldTimexDocument[]> {
  const raw = await readFile(goldPath, 'utf8');
  const docs: GoldTimexDocument[] = [];
  for (const [index, line] of raw.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as GoldTimexDocument;
      docs.push({ id: parsed.id, dct: parsed.dct ?? null, text: parsed.text, timexes: parsed.timexes ?? [] });
    } catch (error) {
      throw new Error(`evaluateDates: expecting one JSON document per line in ${goldPath}, line ${index + 1} is not: ${String(error)}`);
    }
  }
  return docs;
}
