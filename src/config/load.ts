import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { validateTensionLexicon } from '../tension/lexicon.js';
import { stableStringify } from '../util/stable-stringify.js';
import { pipelineConfigSchema, type PipelineConfig } from './schema.js';

export interface LoadedConfig {
  readonly config: PipelineConfig;
  /** Absolute path of the config file, or null when defaults were used. */
  readonly configFile: string | null;
  /** Absolute corpus and output folders, resolved against the config file's folder. */
  readonly corpusDir: string;
  readonly outputDir: string;
}

export type ConfigResult = { ok: true; value: LoadedConfig } | { ok: false; errors: string[] };

/**
 * Reads and validates the config once, at the edge. Never throws for bad input: every problem is
 * reported with the file, the key path and what was expected.
 */
export function loadConfig(configFile: string | null, cwd = process.cwd()): ConfigResult {
  let raw: unknown = {};
  let absolute: string | null = null;
  if (configFile !== null) {
    absolute = path.resolve(cwd, configFile);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      return { ok: false, errors: [`${absolute}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, errors: [`${absolute}: not valid JSON (${(error as Error).message})`] };
    }
  }
  return validateConfig(raw, absolute, cwd);
}

export function validateConfig(raw: unknown, configFile: string | null, cwd = process.cwd()): ConfigResult {
  const where = configFile ?? '(default config)';
  const parsed = pipelineConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, where) };
  const base = configFile ? path.dirname(configFile) : cwd;
  let config = parsed.data;
  // A user tension lexicon is read here, at the edge, so the stage itself never touches files.
  if (config.tension.lexiconPath !== null && config.tension.lexicon === null) {
    const lexiconFile = path.resolve(base, config.tension.lexiconPath);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(lexiconFile, 'utf8'));
    } catch (error) {
      return { ok: false, errors: [`${where}: tension.lexiconPath: cannot read ${lexiconFile} as JSON (${(error as Error).message})`] };
    }
    const lexicon = validateTensionLexicon(json, lexiconFile);
    if (!lexicon.ok) return { ok: false, errors: [`${where}: tension.lexiconPath: ${lexicon.error}`] };
    config = { ...config, tension: { ...config.tension, lexicon: lexicon.lexicon } };
  }
  return {
    ok: true,
    value: {
      config,
      configFile,
      corpusDir: path.resolve(base, parsed.data.corpus),
      outputDir: path.resolve(base, parsed.data.output),
    },
  };
}

/** Keys that moved to another place, by old key path: an old config gets told where each one went. */
const MOVED_KEYS: Readonly<Record<string, string>> = {
  // Sentiment became a stage of its own, with its own section.
  'tension.sentiment': 'sentiment',
};

function describeIssues(error: z.ZodError, where: string): string[] {
  return error.issues.flatMap((issue) => {
    const keyPath = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (keyPath === '(top level)' ? k : `${keyPath}.${k}`));
      const moved = keys.filter((k) => Object.hasOwn(MOVED_KEYS, k));
      const unknown = keys.filter((k) => !Object.hasOwn(MOVED_KEYS, k));
      return [
        ...moved.map((k) => `${where}: ${k} has moved to ${MOVED_KEYS[k]}: write the same settings there (see the README's config table)`),
        ...(unknown.length > 0 ? [`${where}: unknown key ${unknown.join(', ')}: not a setting of this pipeline (see the README's config table)`] : []),
      ];
    }
    return [`${where}: ${keyPath}: ${issue.message}`];
  });
}

/** Stable hash input: the validated config with sorted keys. */
export function canonicalConfigJson(config: PipelineConfig): string {
  return stableStringify(config);
}
