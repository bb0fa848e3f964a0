// make bench-np in --quick mode (small data, few iterations): the bench runs
// to the end against python3's numpy and writes a well-formed report. Not
// timing: speed is reported by the bench, never asserted here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { maxUlp } from '../../bench/harness.js';
import type { TableResult } from '../../bench/np-vs-numpy.js';

interface Report {
  format: number;
  date: string;
  cpu: string;
  node: string;
  numpy: string;
  quick: boolean;
  warmup: number;
  tables: TableResult[];
}

const out = mkdtempSync(join(tmpdir(), 'bench-np-'));
let report: Report;
let markdown: string;
let stdout: string;

test.before(() => {
  stdout = execFileSync('node', ['dist/bench/np-vs-numpy.js', '--quick', `--out=${out}`], { encoding: 'utf8', timeout: 120_000 });
  const files = readdirSync(out).sort();
  assert.is(files.length, 2, `two files written: ${files.join(', ')}`);
  assert.match(files[0], /^np-[a-z0-9-]+\.json$/);
  assert.is(files[1], files[0].replace(/\.json$/, '.md'));
  report = JSON.parse(readFileSync(join(out, files[0]), 'utf8')) as Report;
  markdown = readFileSync(join(out, files[1]), 'utf8');
});

test.after(() => rmSync(out, { recursive: true, force: true }));

test('the report names the CPU, numpy, node and the date', () => {
  assert.is(report.format, 1);
  assert.ok(report.cpu.length > 0);
  assert.match(report.numpy, /^\d+\.\d+/);
  assert.is(report.node, process.version);
  assert.ok(!Number.isNaN(Date.parse(report.date)));
  assert.is(report.quick, true);
  assert.match(markdown, new RegExp(`^# np vs numpy ${report.numpy.replace(/\./g, '\\.')} on `));
  assert.ok(markdown.includes(`CPU: ${report.cpu}`));
});

test('the five tables of issue 9 and the image programs, in order', () => {
  assert.equal(report.tables.map((t) => t.id), ['contiguous', 'image', 'programs', 'axis', 'casts', 'tiny']);
  const byId = Object.fromEntries(report.tables.map((t) => [t.id, t]));
  assert.equal(byId.image.rows.map((r) => r.name), [
    'astype uint16 (contiguous)', 'img[:,:,0] + img[:,:,1]', 'grayscale via uint16 (channel views, scalar multiplies)',
    '3×3 box sum of 9 shifted views into uint16', 'transpose(1, 0, 2) copy', 'img[::2, ::2] copy',
    'blur program: pad edge, 9 shifted adds, /9, astype uint8',
  ]);
  assert.is(byId.programs.rows.length, 42); // 30 image programs, session 19's ten, session 20's two products
  // every program ran on both sides and gave numpy's answer
  for (const r of byId.programs.rows) assert.ok(r.ratio !== undefined && !r.result.startsWith('WRONG'), `${r.name}: ${r.result}`);
  assert.is(byId.axis.rows.length, 30); // image: sum, mean, max × 4 axes; plane: 9 reductions × 2 axes
  assert.is(byId.casts.rows.length, 20); // every ordered pair of 5 dtypes
  assert.equal(byId.tiny.rows.map((r) => r.name), ['add, out given', 'add, new array', 'sum', 'astype float32', 'index of a view']);
  // every ufunc and reduction, every dtype
  const names = new Set(byId.contiguous.rows.map((r) => r.name));
  for (const dt of ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']) {
    assert.ok(names.has(`add ${dt}`), `add ${dt}`);
    assert.ok(names.has(`sum ${dt}`), `sum ${dt}`);
  }
  for (const f of ['sqrt', 'arctanh', 'rint', 'hypot', 'isnan', 'nanmax', 'median', 'cumsum']) assert.ok(names.has(`${f} float64`), f);
  assert.is(report.tables.find((t) => t.id === 'tiny')?.target, 2);
});

test('each row is timed with a ratio and a verdict, or says why not', () => {
  for (const t of report.tables) {
    for (const r of t.rows) {
      const where = `${t.id}: ${r.name}`;
      assert.ok(r.ours.length > 0 && r.numpy.length > 0, where);
      if (r.ratio === undefined) {
        assert.match(r.verdict, /^(missing: np\.[a-z_0-9]+|error|numpy error|numpy setup failed)$/, where);
        if (r.verdict === 'error') assert.ok(r.result.length > 0, `${where}: the error is given`);
        continue;
      }
      assert.ok(r.ours_ms !== undefined && r.ours_ms > 0 && r.numpy_ms !== undefined && r.numpy_ms > 0, where);
      assert.ok(Math.abs(r.ratio - r.ours_ms / r.numpy_ms) < 1e-9 * r.ratio, where);
      assert.match(r.verdict, /^(ok|~ \(≤ 1\.1\)|over|WRONG result)$/, where);
      assert.match(r.result, /^(same|within \d ulp|WRONG: .+)$/, where);
      assert.is(r.verdict === 'WRONG result', r.result.startsWith('WRONG'), where);
    }
  }
});

test('geometric mean and counts per table agree with the rows', () => {
  for (const t of report.tables) {
    const timed = t.rows.filter((r) => r.ratio !== undefined && !r.result.startsWith('WRONG'));
    assert.is(t.timed, timed.length, t.id);
    assert.is(t.within_target, timed.filter((r) => (r.ratio as number) <= t.target).length, t.id);
    assert.is(t.missing, t.rows.filter((r) => r.verdict.startsWith('missing:')).length, t.id);
    if (timed.length) {
      const gm = Math.exp(timed.reduce((s, r) => s + Math.log(r.ratio as number), 0) / timed.length);
      assert.ok(Math.abs((t.geomean as number) - gm) < 1e-9 * gm, t.id);
      assert.ok(markdown.includes(`geometric mean ours/numpy **${gm.toFixed(2)}**`), t.id);
    }
    assert.ok(stdout.includes(`${t.id}: ${t.timed} timed`), t.id);
  }
});

test('the markdown has every row of every table', () => {
  for (const t of report.tables) {
    for (const r of t.rows) assert.ok(markdown.includes(`| ${r.name} `), r.name);
  }
  assert.ok(markdown.includes('## fill and copy against memset and memmove'));
});

test('maxUlp: units in the last place between float arrays, NaN equal to NaN', () => {
  const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
  const f64 = (...v: number[]) => new Uint8Array(Float64Array.from(v).buffer);
  assert.is(maxUlp('float32', f32(1, NaN, 0), f32(1, NaN, -0)), 0);
  assert.is(maxUlp('float32', f32(1, 2), f32(1, 2 + 2 ** -22)), 1);
  assert.is(maxUlp('float32', f32(-1), f32(1)), 2 * 0x3f800000);
  assert.is(maxUlp('float64', f64(1, 3), f64(1 + 2 ** -52 * 3, 3)), 3);
  assert.is(maxUlp('float64', f64(0), f64(-Number.MIN_VALUE)), 1);
  assert.is(maxUlp('float64', f64(1), f64(1, 2)), Infinity);
});

test('--warmup runs each case untimed first and says so; a bad value is refused', () => {
  assert.is(report.warmup, 0, 'no warm-up unless asked');
  assert.not.match(markdown, /untimed calls/);
  const warm = mkdtempSync(join(tmpdir(), 'bench-np-warm-'));
  try {
    execFileSync('node', ['dist/bench/np-vs-numpy.js', '--quick', '--only=tiny', '--filter=^sum$', '--warmup=0.02', `--out=${warm}`],
      { encoding: 'utf8', timeout: 120_000 });
    const json = readdirSync(warm).find((f) => f.endsWith('.json')) as string;
    assert.is((JSON.parse(readFileSync(join(warm, json), 'utf8')) as Report).warmup, 0.02);
    assert.match(readFileSync(join(warm, json.replace(/\.json$/, '.md')), 'utf8'), /after 0\.02 s of untimed calls per case on each side/);
  } finally {
    rmSync(warm, { recursive: true, force: true });
  }
  assert.throws(() => execFileSync('node', ['dist/bench/np-vs-numpy.js', '--quick', '--warmup=-1'], { stdio: 'pipe' }),
    (e: unknown) => String((e as { stderr?: Buffer }).stderr).includes('unknown argument --warmup=-1'));
});

test.run();
