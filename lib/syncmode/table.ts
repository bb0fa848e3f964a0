/**
 * The original's Tables 1 and 2 as markdown: one row per sync_mode and
 * O_SYNC (無 = without, 有 = with), per size our C and TypeScript times and
 * the original's Zynq-7000 time, each with its ratio to sync_mode 0.
 */
import { type Impl } from './measure.js';
import { type BenchName, originalSeconds } from './original.js';
import { type SyncModeResults, ratioToMode0, seconds, sizeLabel } from './results.js';

const TITLES: Record<BenchName, string> = {
  check_buf: 'Table 1 — check_buf',
  clear_buf: 'Table 2 — clear_buf',
};
const IMPL_LABEL: Record<Impl, string> = { c: 'C', ts: 'TS' };

function cell(t: number | undefined, ratio: number | undefined): string {
  if (t === undefined) return 'n/a';
  return `${t.toFixed(3)} (×${ratio === undefined ? '?' : ratio.toFixed(2)})`;
}

function zynqCell(test: BenchName, mode: number, oSync: boolean, size: number): string {
  const t = originalSeconds(test, mode, oSync, size);
  const t0 = originalSeconds(test, 0, oSync, size);
  return t === undefined || t0 === undefined ? '—' : cell(t, t / t0);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** One table (check_buf or clear_buf) in markdown. */
export function markdownTable(r: SyncModeResults, test: BenchName): string {
  const impls = [...new Set(r.measurements.map((m) => m.impl))].sort() as Impl[];
  const modes = [...new Set(r.measurements.map((m) => m.sync_mode))].sort((a, b) => a - b);
  if (modes.length === 0) modes.push(0, 1, 2, 3, 4, 5, 6, 7);
  const header = ['sync_mode', 'O_SYNC'];
  for (const s of r.sizes) {
    for (const impl of impls) header.push(`${sizeLabel(s.bytes)} ${IMPL_LABEL[impl]}`);
    header.push(`${sizeLabel(s.bytes)} Zynq`);
  }
  const lines = [`### ${TITLES[test]} [s] (×: ratio to sync_mode 0)`, '', row(header),
    row(header.map((_, i) => (i < 2 ? ':-:' : '--:')))];
  for (const mode of modes) {
    for (const oSync of [false, true]) {
      const cells = [oSync ? '' : String(mode), oSync ? '有 (with)' : '無 (without)'];
      for (const s of r.sizes) {
        for (const impl of impls) {
          const c = { test, impl, size: s.bytes, sync_mode: mode, o_sync: oSync };
          cells.push(cell(seconds(r, c), ratioToMode0(r, c)));
        }
        cells.push(zynqCell(test, mode, oSync, s.bytes));
      }
      lines.push(row(cells));
    }
  }
  return lines.join('\n');
}

/** The whole report: heading, machine, caveat, both tables, n/a reasons. */
export function markdownReport(r: SyncModeResults): string {
  const m = r.machine;
  const errors = r.measurements.reduce((n, x) => n + x.errors, 0);
  const out = [
    `## sync_mode tables — ${m.arch}${m.emulated ? ' (emulated)' : ''}`,
    '',
    `${m.cpu}, Linux ${m.kernel}, u-dma-buf ${r.driver_version}, buffer ${r.buffer}, ${r.date}.`,
    '',
    `> ${m.note}`,
    '',
    'C: the original\'s check_buf/clear_buf compiled into the addon (byte accesses, as written); ' +
      'TS: the same functions in TypeScript; Zynq: the original README\'s Zynq-7000 figures. ' +
      (r.repeat > 1 ? `Each cell is the median of ${r.repeat} calls.` : 'Each call is timed once, as in the original.'),
    '',
    markdownTable(r, 'check_buf'),
    '',
    markdownTable(r, 'clear_buf'),
  ];
  const missing = r.sizes.filter((s) => !s.available);
  if (missing.length) {
    out.push('', ...missing.map((s) => `n/a ${sizeLabel(s.bytes)}: ${s.reason}.`));
  }
  out.push('', `error_count over every call: ${errors}.`);
  return out.join('\n') + '\n';
}
