import { loadConfig } from '../config/load.js';
import { RunSetupError } from '../pipeline/analyze-corpus.js';
import { checkGolden } from './check.js';
import { DiffInputError, diffOutputs, type DiffReport } from './diff-outputs.js';
import { parseFailOn, type FailOn } from './fail-on.js';
import { formatDiffJson, formatDiffReport } from './format.js';

/**
 * The `diff` and `check` commands, called by `src/cli.ts`. Exit codes:
 *   0  nothing beyond the tolerance changed (among the --fail-on kinds)
 *   1  something did
 *   2  usage error: bad option, missing or unreadable folder, broken JSON, bad config
 */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface ReportFlags {
  readonly json?: boolean;
  readonly failOn?: string;
  readonly tolerance?: string;
}

export function diffCommand(oldDir: string, newDir: string, flags: ReportFlags, io: CommandIo): number {
  const parsed = parseReportFlags(flags, io);
  if (parsed === null) return 2;
  let report: DiffReport;
  try {
    report = diffOutputs(oldDir, newDir, parsed);
  } catch (error) {
    if (error instanceof DiffInputError) {
      io.stderr(`article-pipeline: diff: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(flags.json ? formatDiffJson(report) : formatDiffReport(report));
  return report.totals.failing > 0 ? 1 : 0;
}

export async function checkCommand(flags: ReportFlags & { golden: string; update?: boolean; config: string }, io: CommandIo): Promise<number> {
  const parsed = parseReportFlags(flags, io);
  if (parsed === null) return 2;
  const loaded = loadConfig(flags.config);
  if (!loaded.ok) {
    for (const message of loaded.errors) io.stderr(`article-pipeline: ${message}\n`);
    return 2;
  }
  try {
    const result = await checkGolden(loaded.value, flags.golden, { ...parsed, update: flags.update });
    for (const e of result.run.errors) io.stderr(`article-pipeline: rejected: ${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.reason}\n`);
    io.stdout(flags.json ? formatDiffJson(result.report) : formatDiffReport(result.report));
    if (result.updated) {
      io.stdout(`golden folder ${flags.golden} updated: ${result.updated.written} written, ${result.updated.removed} removed\n`);
      return 0;
    }
    if (result.report.totals.failing > 0) io.stderr('article-pipeline: check: outputs differ from the golden files; after reviewing the diff, run again with --update\n');
    return result.report.totals.failing > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof DiffInputError || error instanceof RunSetupError) {
      io.stderr(`article-pipeline: check: ${error.message}${error instanceof DiffInputError ? ' (run with --update to create the golden files)' : ''}\n`);
      return 2;
    }
    throw error;
  }
}

function parseReportFlags(flags: ReportFlags, io: CommandIo): { tolerance: number; failOn: FailOn } | null {
  const tolerance = flags.tolerance === undefined ? 0 : Number(flags.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0 || flags.tolerance?.trim() === '') {
    io.stderr(`article-pipeline: --tolerance expects a number of at least 0, got "${flags.tolerance}"\n`);
    return null;
  }
  const failOn = parseFailOn(flags.failOn);
  if (!failOn.ok) {
    io.stderr(`article-pipeline: ${failOn.error}\n`);
    return null;
  }
  return { tolerance, failOn: failOn.value };
}
