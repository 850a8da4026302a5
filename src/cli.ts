import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, validateConfig, type LoadedConfig } from './config/load.js';
import { analyzeCorpus, RunSetupError, type RunOptions, type RunSummary } from './pipeline/analyze-corpus.js';
import { serializeArticleJson } from './output/article-json.js';
import { writeReport } from './report/index.js';
import { TOOL_VERSION } from './version.js';
import { checkCommand, diffCommand } from './regression/commands.js';

/**
 * Exit codes:
 *   0  every article was processed
 *   1  some articles were rejected (the rest were written), or an eval/diff found what it checks for
 *   2  usage or config error, unreadable corpus or unwritable output folder, Redis unreachable or lost
 */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly readStdin: () => string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  readStdin: () => readFileSync(0, 'utf8'),
};

const EXIT_CODES_HELP = `
Exit codes:
  0  all articles processed
  1  some articles rejected (the others were written; see output/errors.csv)
  2  usage or config error, unreadable corpus folder or unwritable output folder, Redis unreachable or lost (--queue)`;

const WORKER_EXIT_CODES_HELP = `
Exit codes:
  0  stopped (SIGTERM or SIGINT) after finishing its current job
  2  usage error, Redis unreachable or lost, or the coordinator runs another version or config`;

/** Runs the CLI and returns its exit code; never calls process.exit, so it is testable in process. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command()
    .name('article-pipeline')
    .description('Turns news articles into research data: entities, TimeML dates, sentiment and diplomatic tension, as JSON and CSV.')
    .version(TOOL_VERSION, '-V, --version')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('run')
    .description('analyze every article of the corpus folder and write JSON and CSV outputs')
    .option('-c, --config <file>', 'config file', 'pipeline.config.json')
    .option('--corpus <dir>', 'corpus folder (overrides the config)')
    .option('--out <dir>', 'output folder (overrides the config)')
    .option('--only <ids...>', 'analyze only these article ids (the others keep their outputs)')
    .option('--force', 'recompute articles whose content and config are unchanged')
    .addOption(new Option('--workers <n>', 'worker threads (overrides concurrency)').argParser(positiveInt('--workers')))
    .option('--no-report', 'do not write the HTML report')
    .option('--parquet', 'also write every table as parquet/<table>.parquet (outputs.parquet)')
    .option('--queue <url>', 'coordinate workers through Redis (redis://[:password@]host:port[/db], rediss:// for TLS; or set ARTICLE_PIPELINE_QUEUE)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options: { config: string; corpus?: string; out?: string; only?: string[]; force?: boolean; workers?: number; report: boolean; parquet?: boolean; queue?: string }) => {
      const loaded = loadWithOverrides(options.config, { corpus: options.corpus, output: options.out, workers: options.workers, report: options.report, parquet: options.parquet }, io);
      if (!loaded) {
        exitCode = EXIT_USAGE;
        return;
      }
      exitCode = await runCommand(loaded, { only: options.only, force: options.force, queue: options.queue }, io);
    });

  program
    .command('worker')
    .description('analyze the articles of a coordinator\'s run (`run --queue`) from the same Redis queue')
    .option('--queue <url>', 'the coordinator\'s Redis URL (or set ARTICLE_PIPELINE_QUEUE, which keeps a password out of the process list)')
    .addOption(new Option('--concurrency <n>', 'articles analyzed at once: one process each').argParser(positiveInt('--concurrency')).default(1))
    .addHelpText('after', WORKER_EXIT_CODES_HELP)
    .action(async (options: { queue?: string; concurrency: number }) => {
      const { workerCommand } = await import('./distributed/worker-command.js');
      exitCode = await workerCommand(options.queue ?? process.env.ARTICLE_PIPELINE_QUEUE, options.concurrency, io);
    });

  program
    .command('aggregate')
    .description('rebuild the story clusters and dyad_series.csv of an existing output folder, without analyzing again')
    .option('-c, --config <file>', 'config file', 'pipeline.config.json')
    .option('--out <dir>', 'output folder (overrides the config)')
    .addOption(new Option('--period <period>', 'period of the series (overrides aggregate.period)').choices(['day', 'week', 'month']))
    .addOption(new Option('--basis <basis>', 'date basis of the series rows (overrides aggregate.basis)').choices(['event', 'published', 'both']))
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options: { config: string; out?: string; period?: 'day' | 'week' | 'month'; basis?: 'event' | 'published' | 'both' }) => {
      const loaded = loadWithOverrides(options.config, { output: options.out }, io);
      if (!loaded) {
        exitCode = EXIT_USAGE;
        return;
      }
      const { aggregateOutputs } = await import('./pipeline/aggregate.js');
      const summary = await aggregateOutputs(loaded, { ...(options.period ? { period: options.period } : {}), ...(options.basis ? { basis: options.basis } : {}) });
      const series = summary.series
        ? `dyad_series.csv: ${summary.series.rows} rows from ${summary.series.events} events (period ${summary.options.period}, basis ${summary.options.basis}${summary.options.dedupe ? ', each story once' : ''})`
        : 'no events table (tension stage off): no dyad series';
      io.stderr(`${summary.stories.articles} articles, ${summary.stories.duplicates} copies of ${summary.stories.syndicated} syndicated stories; ${series}\n`);
    });

  program
    .command('annotate')
    .description('analyze one article (a file, or - for standard input) and print its JSON')
    .argument('[file]', 'article file (.txt, .md, .json, .html, .htm, or one of them .gz); - or nothing reads standard input (as text)', '-')
    .option('--date <YYYY-MM-DD>', 'publication date (overrides the metadata)')
    .option('-c, --config <file>', 'config file (optional)')
    .action(async (file: string, options: { date?: string; config?: string }) => {
      exitCode = await annotateCommand(file, options, io);
    });

  const evalCommand = program.command('eval').description('score a stage against gold data (JSON Lines)');
  for (const stage of Object.keys(EVALUATORS) as EvalStage[]) {
    const command = evalCommand
      .command(stage)
      .description(`score the ${stage} stage (baselines: ${EVALUATORS[stage].baselines.join(', ')})`)
      .requiredOption('--gold <file>', 'gold JSON Lines file')
      .option('--json', 'print the report as JSON')
      .option('--baseline <name>', 'score a package-only baseline instead of the pipeline');
    if (stage === 'sentiment') command.option('--cross-validated', 'score the trained sentiment model by 10-fold cross-validation grouped by article');
    if (stage === 'tension') command.option('--cross-validated', "score the tension classifier by 5-fold cross-validation within each tension set beside the gold file and by leave-one-dataset-out");
    if (stage === 'entities') command.option('--train-fraction <f>', 'learning curve: train each cross-validation fold on this share (0-1] of its training documents');
    command.action(async (options: EvalOptions) => {
      exitCode = await evalStage(stage, options, io);
    });
  }

  // Regression checks (src/regression): exit 0 unchanged, 1 changed (among --fail-on), 2 usage error.
  program
    .command('diff')
    .description('compare two output folders article by article, layer by layer')
    .argument('<old>', 'old output folder (or folder of article JSON files)')
    .argument('<new>', 'new output folder (or folder of article JSON files)')
    .option('--json', 'print the report as JSON')
    .option('--fail-on <kinds>', 'changes that make the exit code 1: layers, added/removed/changed, fields, layer:kind (default: all)')
    .option('--tolerance <x>', 'largest score difference that is not a change', '0')
    .action((oldDir: string, newDir: string, options: { json?: boolean; failOn?: string; tolerance?: string }) => {
      exitCode = diffCommand(oldDir, newDir, options, io);
    });

  program
    .command('check')
    .description('run the pipeline on the corpus and diff against committed golden outputs')
    .requiredOption('--golden <dir>', 'folder of golden article JSON files')
    .option('--update', 'rewrite the golden files with the fresh outputs (after reviewing the diff)')
    .option('-c, --config <file>', 'config file', 'pipeline.config.json')
    .option('--json', 'print the report as JSON')
    .option('--fail-on <kinds>', 'changes that make the exit code 1 (as for diff)')
    .option('--tolerance <x>', 'largest score difference that is not a change', '0')
    .action(async (options: { golden: string; update?: boolean; config: string; json?: boolean; failOn?: string; tolerance?: string }) => {
      exitCode = await checkCommand(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof RunSetupError) {
      io.stderr(`article-pipeline: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}

function positiveInt(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new CommanderError(EXIT_USAGE, 'commander.invalidArgument', `${flag} expects a whole number of at least 1, got "${value}"`);
    return n;
  };
}

function loadWithOverrides(configFile: string, overrides: { corpus?: string; output?: string; workers?: number; report?: boolean; parquet?: boolean }, io: CliIo): LoadedConfig | null {
  const result = loadConfig(configFile);
  if (!result.ok) {
    for (const message of result.errors) io.stderr(`article-pipeline: ${message}\n`);
    return null;
  }
  const { config, corpusDir, outputDir } = result.value;
  return {
    ...result.value,
    config: {
      ...config,
      concurrency: overrides.workers ?? config.concurrency,
      outputs: { ...config.outputs, report: overrides.report === false ? false : config.outputs.report, parquet: overrides.parquet === true ? true : config.outputs.parquet },
    },
    corpusDir: overrides.corpus ? resolveFromCwd(overrides.corpus) : corpusDir,
    outputDir: overrides.output ? resolveFromCwd(overrides.output) : outputDir,
  };
}

function resolveFromCwd(p: string): string {
  return path.resolve(process.cwd(), p);
}

async function runCommand(loaded: LoadedConfig, options: { only?: string[]; force?: boolean; queue?: string }, io: CliIo): Promise<number> {
  const queueUrl = options.queue ?? process.env.ARTICLE_PIPELINE_QUEUE;
  let analyze: (runOptions: RunOptions) => Promise<RunSummary> = (runOptions) => analyzeCorpus(loaded, runOptions);
  let redact = (text: string): string => text;
  if (queueUrl !== undefined) {
    const { parseQueueUrl } = await import('./distributed/queue-url.js');
    const parsed = parseQueueUrl(queueUrl);
    if (!parsed.ok) {
      io.stderr(`article-pipeline: ${parsed.error}\n`);
      return EXIT_USAGE;
    }
    const { runCoordinator } = await import('./distributed/coordinator.js');
    redact = parsed.address.redact;
    analyze = (runOptions) => runCoordinator(loaded, parsed.address, { ...runOptions, onNotice: (text) => io.stderr(`article-pipeline: ${text}\n`) });
  }
  const progress = io.isTTY ? new cliProgress.SingleBar({ format: 'articles {bar} {value}/{total} | {rate}/s | ETA {eta}s', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  const startTime = Date.now();
  let lastPlainLine = 0;
  let summary: RunSummary;
  try {
    summary = await analyze({
      only: options.only,
      force: options.force,
      onProgress: ({ done, total }) => {
        if (progress) {
          if (!started) {
            progress.start(total, 0, { rate: '0.0' });
            started = true;
          }
          progress.update(done, { rate: (done / Math.max((Date.now() - startTime) / 1000, 0.001)).toFixed(1) });
        } else if (done === total || Date.now() - lastPlainLine > 2000) {
          lastPlainLine = Date.now();
          io.stderr(`article-pipeline: ${done}/${total} articles\n`);
        }
      },
    });
  } catch (error) {
    // Redis lost or unreachable: nothing was published (the tables are written only at the end).
    if (error instanceof Error && error.name === 'QueueUnavailableError') {
      io.stderr(`article-pipeline: ${redact(error.message)}; no table or manifest was written\n`);
      return EXIT_USAGE;
    }
    if (error instanceof RunSetupError) throw new RunSetupError(redact(error.message));
    throw error;
  } finally {
    if (started) progress?.stop();
  }
  io.stdout(formatSummary(summary));
  if (loaded.config.outputs.report) {
    const report = await writeReport(loaded.outputDir);
    io.stdout(`report: ${report.pages} pages in ${loaded.outputDir}/report/index.html\n`);
    // Article pages are built from the article JSON: say why there are none rather than leave the user guessing.
    if (loaded.config.outputs.json === 'none') io.stderr('article-pipeline: outputs.json is "none", so the report has no article pages (they are built from the article JSON); the CSV tables hold every article\'s rows\n');
  }
  return summary.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
}

export function formatSummary(s: RunSummary): string {
  const seconds = s.elapsedMs / 1000;
  const processed = s.ok + s.unchanged;
  const lines = [
    `articles: ${s.ok} ok, ${s.rejected} rejected, ${s.unchanged} unchanged (of ${s.total})`,
    `annotations: ${s.sentences} sentences, ${s.entities} entity mentions, ${s.timexes} temporal expressions, ${s.tensionCues} tension cues`,
    ...(s.duplicates > 0 ? [`near-duplicates: ${s.duplicates} articles are copies of an earlier one (articles.csv story_id, duplicate_of)`] : []),
    `time: ${seconds.toFixed(2)} s, ${(processed / Math.max(seconds, 0.001)).toFixed(1)} articles/s`,
    `output: ${s.outputDir}`,
  ];
  for (const e of s.errors) lines.push(`rejected: ${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.reason}`);
  return `${lines.join('\n')}\n`;
}

async function annotateCommand(file: string, options: { date?: string; config?: string }, io: CliIo): Promise<number> {
  const loaded = options.config ? loadConfig(options.config) : validateConfig({}, null);
  if (!loaded.ok) {
    for (const message of loaded.errors) io.stderr(`article-pipeline: ${message}\n`);
    return EXIT_USAGE;
  }
  const config = loaded.value.config;
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(options.date)) {
    io.stderr(`article-pipeline: --date expects YYYY-MM-DD, got "${options.date}"\n`);
    return EXIT_USAGE;
  }
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? Buffer.from(io.readStdin(), 'utf8') : readFileSync(file);
  } catch (error) {
    io.stderr(`article-pipeline: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return EXIT_USAGE;
  }
  // The analysis modules load only when an article is annotated, not at every CLI start.
  const { annotateBytes } = await import('./pipeline/annotate-bytes.js');
  const result = annotateBytes(bytes, file === '-' ? 'stdin.txt' : file, { config, publicationDate: options.date });
  if (!result.ok) {
    io.stderr(`article-pipeline: ${file}: ${result.error.reason}\n`);
    return EXIT_REJECTED;
  }
  io.stdout(serializeArticleJson(result.json));
  return EXIT_OK;
}

type EvalStage = 'entities' | 'dates' | 'sentiment' | 'tension';
interface EvalOptions {
  readonly gold: string;
  readonly json?: boolean;
  readonly baseline?: string;
  readonly crossValidated?: boolean;
  readonly trainFraction?: string;
}

interface EvalResult {
  readonly report: object;
  readonly text: () => string;
}

/**
 * Each stage's evaluation, imported only when asked for: the analysis modules would otherwise load at
 * every CLI start. The evaluation modules type-check their own baseline names.
 */
const EVALUATORS: Record<EvalStage, { baselines: readonly string[]; run: (gold: string, options: EvalOptions) => Promise<EvalResult> }> = {
  entities: {
    baselines: ['compromise'],
    run: async (gold, o) => {
      const m = await import('./eval/entities.js');
      const trainFraction = o.trainFraction === undefined ? undefined : Number(o.trainFraction);
      if (trainFraction !== undefined && !(trainFraction > 0 && trainFraction <= 1)) throw new Error(`--train-fraction must be a number in (0, 1], got "${o.trainFraction}"`);
      const report = await m.evaluateEntities(gold, { baseline: o.baseline as 'compromise' | undefined, trainFraction });
      return { report, text: () => m.formatEntitiesReport(report) };
    },
  },
  dates: {
    baselines: ['chrono', 'compromise-dates'],
    run: async (gold, o) => {
      const m = await import('./eval/dates.js');
      const report = await m.evaluateDates(gold, { baseline: o.baseline as 'chrono' | 'compromise-dates' | undefined });
      return { report, text: () => m.formatDatesReport(report) };
    },
  },
  sentiment: {
    baselines: ['wink', 'vader'],
    run: async (gold, o) => {
      const m = await import('./eval/sentiment.js');
      const report = await m.evaluateSentiment(gold, { baseline: o.baseline as 'wink' | 'vader' | undefined, crossValidated: o.crossValidated });
      return { report, text: () => m.formatSentimentReport(report) };
    },
  },
  tension: {
    baselines: ['sentiment', 'wink', 'vader'],
    run: async (gold, o) => {
      const m = await import('./eval/tension.js');
      if (o.crossValidated) {
        // The classifier was fitted on the three tension sets: scored on what each fit did not see.
        const cv = await m.crossValidateTension(path.dirname(gold));
        return { report: cv, text: () => m.formatTensionCrossValidation(cv) };
      }
      const report = await m.evaluateTension(gold, { baseline: o.baseline as 'sentiment' | 'wink' | 'vader' | undefined });
      return { report, text: () => m.formatTensionReport(report) };
    },
  },
};

async function evalStage(stage: EvalStage, options: EvalOptions, io: CliIo): Promise<number> {
  const evaluator = EVALUATORS[stage];
  if (options.baseline !== undefined && !evaluator.baselines.includes(options.baseline)) {
    io.stderr(`article-pipeline: eval ${stage}: unknown baseline "${options.baseline}": expected one of ${evaluator.baselines.join(', ')}\n`);
    return EXIT_USAGE;
  }
  try {
    readFileSync(options.gold);
  } catch (error) {
    io.stderr(`article-pipeline: cannot read gold file ${options.gold} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return EXIT_USAGE;
  }
  let result: EvalResult;
  try {
    result = await evaluator.run(options.gold, options);
  } catch (error) {
    io.stderr(`article-pipeline: eval ${stage}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const text = options.json ? JSON.stringify(result.report, null, 2) : result.text();
  io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT_OK;
}

