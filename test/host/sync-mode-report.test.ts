// The sync_mode report's rendering, from a results object made here: the
// original's layout, each cell's ratio to sync_mode 0 with the same O_SYNC,
// the Zynq figures beside ours, n/a with its reason, and the chart's bars.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { type SyncModeResults, markdownReport, markdownTable, svgChart } from '../../lib/syncmode/index.js';
import { originalSeconds } from '../../lib/syncmode/original.js';

const MiB = 1 << 20;

function results(emulated: boolean): SyncModeResults {
  const measurements: SyncModeResults['measurements'] = [];
  for (let mode = 0; mode < 8; mode++) {
    for (const o_sync of [false, true]) {
      for (const test of ['check_buf', 'clear_buf'] as const) {
        for (const impl of ['c', 'ts'] as const) {
          // mode 5 is 4x mode 0; TypeScript twice C; O_SYNC adds nothing
          const seconds = (mode === 5 ? 0.4 : 0.1) * (impl === 'ts' ? 2 : 1) * (test === 'clear_buf' ? 0.5 : 1);
          measurements.push({ test, impl, size: MiB, sync_mode: mode, o_sync, seconds, errors: 0 });
        }
      }
    }
  }
  return {
    format: 1,
    date: '2026-11-25T00:00:00.000Z',
    machine: { arch: 'arm64', kernel: '6.1.0', cpu: 'Arm Cortex-A53', emulated, note: emulated ? 'Emulated (test).' : 'Real (test).' },
    driver_version: '1.0.0',
    buffer: 'udmabuf-bench',
    repeat: 3,
    sizes: [{ bytes: MiB, available: true }, { bytes: 5 * MiB, available: false, reason: 'CMA has 3 MiB free' }],
    measurements,
  };
}

test('16 rows in the original order, with 無/有 for O_SYNC', () => {
  const lines = markdownTable(results(true), 'check_buf').split('\n').filter((l) => /^\| [0-7 ] *\| (無|有)/.test(l));
  assert.is(lines.length, 16);
  assert.ok(lines[0].startsWith('| 0 | 無 (without) |'));
  assert.ok(lines[1].startsWith('|  | 有 (with) |'));
  assert.ok(lines[14].startsWith('| 7 | 無 (without) |'));
});

test('each cell carries its ratio to sync_mode 0; TS and C and Zynq side by side', () => {
  const t = markdownTable(results(true), 'check_buf');
  const mode5 = t.split('\n').find((l) => l.startsWith('| 5 | 無'));
  assert.ok(mode5);
  const cells = mode5.split('|').map((c) => c.trim());
  // sync_mode, O_SYNC, 1 MiB C, 1 MiB TS, 1 MiB Zynq, 5 MiB C, 5 MiB TS, 5 MiB Zynq
  assert.is(cells[3], '0.400 (×4.00)');
  assert.is(cells[4], '0.800 (×4.00)');
  const zynq = originalSeconds('check_buf', 5, false, MiB) ?? NaN;
  const zynq0 = originalSeconds('check_buf', 0, false, MiB) ?? NaN;
  assert.is(cells[5], `${zynq.toFixed(3)} (×${(zynq / zynq0).toFixed(2)})`);
  assert.is(cells[6], 'n/a');
  assert.is(cells[7], 'n/a');
  assert.is(cells[8], `${(originalSeconds('check_buf', 5, false, 5 * MiB) ?? NaN).toFixed(3)} (×5.26)`);
});

test('the original figures are Tables 1 and 2 of the README', () => {
  assert.is(originalSeconds('check_buf', 1, true, 10 * MiB), 22.83);
  assert.is(originalSeconds('clear_buf', 5, false, MiB), 0.913);
  assert.is(originalSeconds('clear_buf', 2, true, 5 * MiB), 0.31);
  assert.is(originalSeconds('check_buf', 0, false, 2 * MiB), undefined);
});

test('the report says why a size is n/a and labels emulated figures', () => {
  const emulated = markdownReport(results(true));
  assert.match(emulated, /n\/a 5 MiB: CMA has 3 MiB free\./);
  assert.match(emulated, /\(emulated\)/);
  assert.match(emulated, /> Emulated \(test\)\./);
  assert.match(emulated, /error_count over every call: 0\./);
  assert.match(emulated, /median of 3 calls/);
  assert.not.match(markdownReport(results(false)), /\(emulated\)/);
});

test('the chart: 4 bars per sync_mode in 2 panels, heights as the ratios', () => {
  const svg = svgChart(results(true));
  const bars = [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="[^"]+"><title>([^<]+)<\/title>/g)];
  assert.is(bars.length, 2 * 8 * 4);
  const height = (label: RegExp) => Number(bars.find((b) => label.test(b[3]))?.[2]);
  const ours0 = height(/^arm64 \(emulated\), without O_SYNC: sync_mode 0,/);
  const ours5 = height(/^arm64 \(emulated\), without O_SYNC: sync_mode 5,/);
  assert.ok(Math.abs(ours5 / ours0 - 4) < 0.01, `${ours5} / ${ours0}`);
  assert.match(svg, /Emulated board: QEMU does not model caches/);
});

test.run();
