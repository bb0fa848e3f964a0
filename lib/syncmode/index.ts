/**
 * The sync_mode tables of the original README, reproduced: measure, then
 * write bench/results/<arch>.md, .json and .svg. The CLI's `bench` command
 * and `make bench` drive this.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { svgChart } from './chart.js';
import { describeMachine } from './machine.js';
import { BENCH_BUFFER, type MeasureOptions, measureSyncModes } from './measure.js';
import { type SyncModeResults } from './results.js';
import { markdownReport } from './table.js';

export { type SyncModeResults, sizeLabel } from './results.js';
export { type MeasureOptions, type Progress, type Impl, BENCH_BUFFER } from './measure.js';
export { markdownReport, markdownTable } from './table.js';
export { svgChart } from './chart.js';

/** Options of {@link runSyncModeBench}. */
export interface SyncModeBenchOptions extends MeasureOptions {
  /** Label the figures emulated (or not) whatever the machine looks like. */
  emulated?: boolean;
}

function driverVersion(): string {
  try {
    return readFileSync('/sys/module/u_dma_buf/version', 'latin1').trim();
  } catch {
    return 'unknown';
  }
}

/** Measure every row and describe the run. */
export function runSyncModeBench(opts: SyncModeBenchOptions): SyncModeResults {
  const machine = describeMachine(opts.emulated);
  const { sizes, measurements } = measureSyncModes(opts);
  return {
    format: 1,
    date: new Date().toISOString(),
    machine,
    driver_version: driverVersion(),
    buffer: opts.device ?? BENCH_BUFFER,
    repeat: opts.repeat ?? 1,
    sizes,
    measurements,
  };
}

/** Write <dir>/<arch>.md, .json and .svg; returns the three paths. */
export function writeResults(r: SyncModeResults, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, r.machine.arch);
  const files: [string, string][] = [
    [`${base}.md`, markdownReport(r)],
    [`${base}.json`, JSON.stringify(r, null, 1) + '\n'],
    [`${base}.svg`, svgChart(r)],
  ];
  for (const [path, text] of files) writeFileSync(path, text);
  return files.map(([path]) => path);
}
