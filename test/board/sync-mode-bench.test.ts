// The sync_mode tables in CI size (1 MiB) on this board: every sync_mode
// with and without O_SYNC maps, check_buf and clear_buf run in C and
// TypeScript without a byte read back wrong, and the report, JSON and
// chart are written (build/test-results/sync-mode/<arch>.*). A size the
// kernel cannot give is reported n/a with the reason.
import { existsSync, readFileSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { BENCH_BUFFER, runSyncModeBench, writeResults } from '../../lib/syncmode/index.js';

const MiB = 1 << 20;
const OUT = 'build/test-results/sync-mode';

// 1 MiB is measured; 512 MiB is beyond every board (no CMA on x86_64, cma=96M on ARM).
const results = runSyncModeBench({ sizes: [MiB, 512 * MiB], emulated: true });
const files = writeResults(results, OUT);
const report = readFileSync(files[0], 'utf8');
console.log(report);

test('every sync_mode x O_SYNC row ran check_buf and clear_buf in C and TypeScript', () => {
  assert.is(results.measurements.length, 8 * 2 * 2 * 2);
  for (let mode = 0; mode < 8; mode++) {
    for (const o_sync of [false, true]) {
      const row = results.measurements.filter((m) => m.sync_mode === mode && m.o_sync === o_sync);
      assert.equal(row.map((m) => `${m.test}/${m.impl}`).sort(),
        ['check_buf/c', 'check_buf/ts', 'clear_buf/c', 'clear_buf/ts'], `mode ${mode} O_SYNC ${o_sync}`);
      assert.ok(row.every((m) => m.size === MiB && m.seconds > 0));
    }
  }
});

test('no byte read back wrong in any mode (check_buf error_count 0)', () => {
  const bad = results.measurements.filter((m) => m.errors !== 0);
  assert.equal(bad, []);
});

test('the size the kernel cannot allocate is n/a with the reason, and the bench buffer is gone', () => {
  assert.equal(results.sizes.map((s) => s.available), [true, false]);
  const reason = results.sizes[1].reason ?? '';
  assert.match(reason, existsSync('/proc/meminfo') && /CmaTotal/.test(readFileSync('/proc/meminfo', 'latin1'))
    ? /cma=/ : /no CMA/);
  assert.match(report, /n\/a 512 MiB: /);
  assert.not.ok(existsSync(`/dev/${BENCH_BUFFER}`));
});

test('the report has both tables in the original layout with the Zynq figures', () => {
  for (const title of ['Table 1 — check_buf', 'Table 2 — clear_buf']) assert.ok(report.includes(title));
  const rows = report.split('\n').filter((l) => /^\| (\d|) *\| (無|有)/.test(l));
  assert.is(rows.length, 2 * 16);
  assert.ok(report.includes('| 1 | 無 (without) |'));
  assert.ok(report.includes('2.283 (×5.22)'), 'Zynq check_buf mode 1 with O_SYNC, 1 MiB, beside ours');
  assert.match(report, /Emulated/);
});

test('the JSON and the chart are written', () => {
  const saved = JSON.parse(readFileSync(files[1], 'utf8'));
  assert.is(saved.measurements.length, results.measurements.length);
  assert.is(saved.machine.emulated, true);
  const svg = readFileSync(files[2], 'utf8');
  assert.ok(svg.startsWith('<svg'));
  assert.is(svg.match(/<rect [^>]*><title>/g)?.length, 2 * 8 * 4, 'two panels, 8 modes, 4 bars');
});

test.run();
