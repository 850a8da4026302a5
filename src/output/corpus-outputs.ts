import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PipelineConfig } from '../config/schema.js';
import { writeDuckDbFile, writeParquetTables, type ColumnarTable } from './columnar.js';
import { CSV_COLUMNS, type TableName } from './csv-tables.js';
import { DYAD_SERIES_COLUMNS } from '../series/dyad-series.js';
import { DYAD_SERIES_FILE } from '../series/series-table.js';

/** The Parquet files and the DuckDB database a config asks for, from the CSV tables just written. */
export async function writeColumnarOutputs(outputDir: string, config: PipelineConfig, tables: readonly TableName[]): Promise<void> {
  const columnar: ColumnarTable[] = tables.map((name) => ({ name, columns: CSV_COLUMNS[name] }));
  // The corpus-level series, written after the per-article tables (src/series/series-table.ts).
  if (existsSync(path.join(outputDir, DYAD_SERIES_FILE))) columnar.push({ name: 'dyad_series', columns: DYAD_SERIES_COLUMNS });
  if (config.outputs.parquet) {
    const parquetDir = path.join(outputDir, 'parquet');
    mkdirSync(parquetDir, { recursive: true });
    await writeParquetTables(outputDir, parquetDir, columnar);
    // A table this config no longer writes (a stage switched off) must not linger beside the fresh ones.
    const current = new Set(columnar.map((t) => `${t.name}.parquet`));
    for (const file of readdirSync(parquetDir)) if (file.endsWith('.parquet') && !current.has(file)) rmSync(path.join(parquetDir, file));
  }
  if (config.outputs.duckdb) await writeDuckDbFile(outputDir, path.join(outputDir, 'corpus.duckdb'), columnar);
}
