// One benchmark measurement in a fresh process, so peak RSS and start-up time belong to it alone.
// Runs the compiled package (dist/), as `bin/article-pipeline.js` does. Prints one JSON line.
//   node scripts/bench-child.mjs run    '{"corpus":"…","output":"…","workers":2,"force":true,"dist":"…","outputs":{"json":"sharded"}}'
//   node scripts/bench-child.mjs stages '{"corpus":"…","limit":500}'
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [mode, argsJson] = process.argv.slice(2);
const args = JSON.parse(argsJson ?? '{}');
// The bench passes a private copy of dist/: another `npm run build` in the same tree mid-run would
// otherwise mix two versions of the code in one measurement.
const dist = args.dist ? pathToFileURL(`${args.dist.replace(/\/$/u, '')}/`) : new URL('../dist/', import.meta.url);

const { validateConfig } = await import(new URL('config/load.js', dist).href);

const words = (text) => text.split(/\s+/u).filter((w) => w !== '').length;

function loadedConfig() {
  const result = validateConfig({ corpus: args.corpus, output: args.output ?? path.join(args.corpus, '..', 'unused-output'), concurrency: args.workers ?? 1, outputs: { report: false, ...(args.outputs ?? {}) } }, path.join(process.cwd(), 'bench.config.json'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

// The main thread's models (wink, lexicons, classifier weights, word tables) load as the pipeline's
// warm-up article is analyzed, where the main thread analyzes: in the stages mode, and in a run only
// without a time budget (under one, worker threads analyze every article and the main thread, as in the
// CLI, never loads a model: warming it up here added ~70 MB of heap that no real run holds).
const initial = loadedConfig().config;
const mainAnalyzes = mode !== 'run' || initial.limits.articleSeconds === 0;
// The corpus runner's task module before the others: it must see wink before its instance exists
// (wink-isolation.ts). Importing it loads every stage's data (~35 MB of heap), so only where it is used.
if (mainAnalyzes) (await import(new URL('pipeline/corpus-task.js', dist).href)).warmUp(initial);
const corpusModule = await import(new URL('pipeline/analyze-corpus.js', dist).href);
/** Process start to the first article being analyzable in this thread: module loading and, where it analyzes, every model. */
const startupMs = performance.now();

if (mode === 'run') {
  const loaded = loadedConfig();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await corpusModule.analyzeCorpus(loaded, { force: Boolean(args.force) });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const { errors, ...rest } = summary;
  // cpuMs: CPU time of every thread of the process; on a busy machine it shows what wall time cannot.
  console.log(JSON.stringify({ mode, startupMs, ms, cpuMs: (cpu.user + cpu.system) / 1000, summary: { ...rest, errors: errors.length }, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else if (mode === 'stages') {
  // Each stage timed on its own over the same articles, in pipeline order (each stage gets the
  // previous stage's document). Stages not in dist/ yet are reported as missing.
  const loaded = loadedConfig();
  const { loadArticle } = await import(new URL('ingest/corpus.js', dist).href);
  const { scanCorpusCached } = await import(new URL('pipeline/scan-cache.js', dist).href);
  const { createDocument } = await import(new URL('segment/create-document.js', dist).href);
  const ingest = corpusModule.ingestOptions(loaded.config);
  const refs = (await scanCorpusCached(loaded.corpusDir, ingest, null)).refs.slice(0, args.limit ?? 500);
  const stageModule = async (file, name) => {
    try {
      const module = await import(new URL(file, dist).href);
      return typeof module[name] === 'function' ? module : null;
    } catch {
      return null;
    }
  };
  const config = loaded.config;
  const stages = [
    { name: 'ingest', run: null },
    { name: 'createDocument', run: (raw) => createDocument({ id: raw.id, text: raw.text, dct: raw.dct, dctSource: raw.dctSource, metadata: raw.metadata, sourcePath: raw.sourcePath }, { maxSentenceTokens: config.limits.maxSentenceTokens }) },
    { name: 'extractEntities', module: await stageModule('entities/index.js', 'extractEntities'), key: 'entities' },
    { name: 'normalizeDates', module: await stageModule('dates/index.js', 'normalizeDates'), key: 'dates' },
    // Tension reads the sentiment stage's readings, so sentiment runs (and is timed) before it.
    { name: 'scoreSentiment', module: await stageModule('sentiment/index.js', 'scoreSentiment'), key: 'sentiment' },
    { name: 'scoreTension', module: await stageModule('tension/index.js', 'scoreTension'), key: 'tension' },
    { name: 'toArticleJson+csv', run: null },
  ];
  const results = [];
  // Wall time and CPU time of this (single-threaded) process: on a busy machine only the second is fair.
  let t = performance.now();
  let c = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(c);
    return (used.user + used.system) / 1000;
  };
  const mark = () => {
    t = performance.now();
    c = process.cpuUsage();
  };
  // ingest: read, decode, front matter, language check, hash
  const raws = refs.map((ref) => loadArticle(loaded.corpusDir, ref, ingest)).filter((r) => r.ok).map((r) => r.article);
  const totalWords = raws.reduce((n, raw) => n + words(raw.text), 0);
  results.push({ stage: 'ingest', ms: performance.now() - t, cpuMs: cpuMs() });
  let docs = null;
  for (const stage of stages.slice(1, -1)) {
    if (stage.run) {
      mark();
      docs = raws.map(stage.run);
      results.push({ stage: stage.name, ms: performance.now() - t, cpuMs: cpuMs() });
    } else if (stage.module) {
      // The stage's own config from the pipeline config, or its defaults while it is not wired in yet.
      const stageConfig = config[stage.key] ?? stage.module[`${stage.key}ConfigSchema`]?.parse({}) ?? {};
      const fn = stage.module[stage.name];
      mark();
      docs = docs.map((doc) => fn(doc, stageConfig));
      results.push({ stage: stage.name, ms: performance.now() - t, cpuMs: cpuMs() });
    } else results.push({ stage: stage.name, ms: null, cpuMs: null, missing: true });
  }
  const { toArticleJson, serializeArticleJson } = await import(new URL('output/article-json.js', dist).href);
  const { articleTables } = await import(new URL('output/csv-tables.js', dist).href);
  const { csvText } = await import(new URL('output/csv-writer.js', dist).href);
  mark();
  for (const doc of docs) {
    const json = toArticleJson(doc);
    serializeArticleJson(json);
    for (const rows of Object.values(articleTables(json))) if (rows.length > 0) csvText(rows);
  }
  results.push({ stage: 'output (JSON + CSV text)', ms: performance.now() - t, cpuMs: cpuMs() });
  console.log(JSON.stringify({ mode, startupMs, articles: raws.length, words: totalWords, stages: results, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  console.error(`bench-child: unknown mode ${mode}`);
  process.exitCode = 2;
}
