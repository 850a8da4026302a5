/**
 * The layouts of the article JSON (`outputs.json`); what each means is in src/output/json-store.ts.
 * A module of its own, without imports, so the config schema can name them.
 */
export const JSON_LAYOUTS = ['files', 'sharded', 'jsonl', 'none'] as const;
export type JsonLayout = (typeof JSON_LAYOUTS)[number];
