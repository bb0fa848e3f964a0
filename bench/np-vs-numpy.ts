/**
 * make bench-np: `np` against numpy (python3) on the same data, in one run,
 * alternating ours and numpy's case by case (machine noise then hits both
 * alike). Five tables (bench/np-cases.ts): contiguous (every ufunc and
 * reduction, every dtype, 8 MiB operands), image layouts on 1080×1920×3
 * uint8, axis reductions, casts, tiny-array calls; each row's ratio
 * ours/numpy against SPEC §5's target, a geometric mean per table. Each case
 * runs once on both sides first and the results are compared (shape, dtype,
 * bytes), so a fast wrong answer shows. A function `np` lacks makes its case
 * "missing: np.<name>".
 *
 * Our times: benchmark.js samples; numpy's: timeit samples from
 * bench/numpy_ops.py; the median of each (stdlib-js) over all rounds.
 * Writes <out>/np-<cpu model>.md and .json (default out: bench/results).
 *
 * usage: node dist/bench/np-vs-numpy.js [--quick] [--out=DIR] [--only=TABLE,...]
 *          [--filter=REGEX] [--rounds=N] [--warmup=SECONDS]
 *   --quick   small data, few iterations: checks the bench runs (tests), not speed
 *   --filter  only the cases whose name matches the regular expression ('argmin|cumsum')
 *   --warmup  run each case this long on both sides before timing it (default 0):
 *             the steady state of a loop that runs on (a video pipeline). Our
 *             first few hundred calls of a chain of new results grow the
 *             malloc heap, and the kernel zeroes each new page; numpy
 *             reuses the few blocks it just freed from the second call on.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';

import { np } from 'u-dma-buf';

import { binding } from '../lib/binding.js';
import { fmtTime, markdownTable, maxUlp, measure, medianMs } from './harness.js';
import { type Case, type Env, FULL, MissingFunction, N, QUICK, type Sizes, type Table, dataFiles, tables } from './np-cases.js';

interface Options {
  quick: boolean;
  out: string;
  only?: string[];
  filter?: string;
  rounds: number;
  /** Seconds each side runs a case, untimed, before its samples. */
  warmup: number;
  /** Where the data files are (set from the sizes). */
  dataDir: string;
}

function options(argv: string[]): Options {
  const o: Options = { quick: false, out: 'bench/results', rounds: 3, warmup: 0, dataDir: FULL.dir };
  for (const arg of argv) {
    const [key, val] = arg.split(/=(.*)/s, 2);
    if (key === '--quick') o.quick = true;
    else if (key === '--out' && val) o.out = val;
    else if (key === '--only' && val) o.only = val.split(',');
    else if (key === '--filter' && val) o.filter = val;
    else if (key === '--rounds' && val) o.rounds = Number(val);
    else if (key === '--warmup' && val && Number(val) >= 0) o.warmup = Number(val);
    else throw new Error(`unknown argument ${arg}; usage: np-vs-numpy [--quick] [--out=DIR] [--only=TABLE,...] [--filter=REGEX] [--rounds=N] [--warmup=SECONDS]`);
  }
  if (o.quick && !argv.some((a) => a.startsWith('--rounds'))) o.rounds = 1;
  return o;
}

// ---- numpy's side -----------------------------------------------------

/** What numpy_ops.py answers to a check: the result described, or its error. */
interface Described {
  /** Our side only: a copy of the result's C-ordered bytes. */
  bytes?: Uint8Array;
  shape?: number[];
  dtype?: string;
  sha1?: string;
  item?: string;
  error?: string;
}

/** python3 bench/numpy_ops.py, kept running: one JSON request in, one JSON answer out. */
class NumpySide {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor() {
    this.child = spawn('python3', ['bench/numpy_ops.py']);
    this.child.stderr.pipe(process.stderr);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async next<T>(): Promise<T> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('python3 bench/numpy_ops.py ended early');
    return JSON.parse(value as string) as T;
  }

  async request<T>(req: object): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(req)}\n`);
    return this.next<T>();
  }

  close(): void {
    this.child.stdin.end();
  }
}

// ---- our side's result, described as numpy_ops.py describes numpy's ----

function isArray(x: unknown): x is np.NdArray {
  return typeof x === 'object' && x !== null && 'shape' in x && 'stride' in x && 'data' in x &&
    ArrayBuffer.isView((x as { data: unknown }).data);
}

function dtypeName(a: np.NdArray): string {
  try {
    return (N.dtype(a.data.constructor) as { name: string }).name;
  } catch {
    return a.dtype;
  }
}

/** The elements of any view, gathered in C order into a new typed array of its kind. */
function cOrder(a: np.NdArray): ArrayBufferView {
  type Indexable = { [i: number]: number | bigint; length: number };
  let expected = 1;
  let contiguous = true;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if (a.shape[d] !== 1 && a.stride[d] !== expected) contiguous = false;
    expected *= a.shape[d];
  }
  if (contiguous) return (a.data as Uint8Array).subarray(a.offset, a.offset + a.size);
  const Ctor = a.data.constructor as new (n: number) => Indexable & ArrayBufferView;
  const out = new Ctor(a.size);
  const data = a.data as unknown as Indexable;
  const nd = a.shape.length;
  const idx = new Array<number>(nd).fill(0);
  let p = a.offset;
  for (let i = 0; i < a.size; i++) {
    out[i] = data[p];
    for (let d = nd - 1; d >= 0; d--) {
      p += a.stride[d];
      if (++idx[d] < a.shape[d]) break;
      p -= idx[d] * a.stride[d];
      idx[d] = 0;
    }
  }
  return out;
}

function describe(r: unknown): Described {
  if (isArray(r)) {
    const v = cOrder(r);
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice();
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    return { bytes, shape: [...r.shape], dtype: dtypeName(r), sha1 };
  }
  if (typeof r === 'boolean') return { shape: [], item: r ? 'True' : 'False' };
  if (typeof r === 'number' || typeof r === 'bigint') return { shape: [], item: String(r) };
  return { error: `unexpected result ${typeof r}` };
}

/** A Python scalar's repr as a JavaScript value. */
function pyItem(s: string): number | bigint | boolean {
  if (s === 'True' || s === 'False') return s === 'True';
  if (/^-?\d+$/.test(s)) return BigInt(s);
  return Number(s.replace(/^(-?)inf$/, '$1Infinity'));
}

/** Float results within this many units in the last place of numpy's count as numpy's. */
const ULP = 4;

/** '' when ours is numpy's result, else what differs. */
function compare(ours: Described, theirs: Described): string {
  const shape = (s?: number[]) => `(${(s ?? []).join(', ')}${s?.length === 1 ? ',' : ''})`;
  if (ours.item !== undefined) {
    if (theirs.shape?.length !== 0) return `shape () ≠ numpy's ${shape(theirs.shape)}`;
    const want = pyItem(theirs.item ?? '');
    const got = typeof want === 'bigint' && /^-?\d+$/.test(ours.item) ? BigInt(ours.item) : pyItem(ours.item);
    const same = typeof want === 'number' && typeof got === 'number' ? Object.is(want, got) || want === got : want == got;
    return same ? '' : `value ${ours.item} ≠ numpy's ${theirs.item}`;
  }
  if (shape(ours.shape) !== shape(theirs.shape)) return `shape ${shape(ours.shape)} ≠ numpy's ${shape(theirs.shape)}`;
  if (ours.dtype !== theirs.dtype) return `dtype ${ours.dtype} ≠ numpy's ${theirs.dtype}`;
  if (theirs.sha1 !== undefined && ours.sha1 !== theirs.sha1) return 'values ≠ numpy\'s';
  return '';
}

// ---- running the cases ------------------------------------------------

export interface Row {
  name: string;
  ours: string;
  numpy: string;
  ours_ms?: number;
  numpy_ms?: number;
  ratio?: number;
  verdict: string;
  /** 'same' when our result equals numpy's, else what differs. */
  result: string;
}

interface Budget {
  /** Seconds each side may take per case per round. */
  seconds: number;
  /** Seconds per sample at least. */
  minTime: number;
  minSamples: number;
}

function errorText(e: unknown): string {
  const msg = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  return msg.split('\n')[0].slice(0, 160);
}

function verdict(t: Table, ratio: number): string {
  if (ratio <= t.target) return 'ok';
  if (t.tolerance !== undefined && ratio <= t.tolerance) return `~ (≤ ${t.tolerance})`;
  return 'over';
}

async function runCase(t: Table, c: Case, numpy: NumpySide, o: Options, budget: Budget): Promise<Row> {
  const row: Row = { name: c.name, ours: c.ours, numpy: c.numpy, verdict: '', result: '' };
  // ours first: a case `np` cannot run yet costs numpy nothing. Each side's
  // setup rewrites the shared data, so each check starts from the same values.
  let env: Env;
  let fn: () => unknown;
  let ours: Described;
  try {
    env = c.setup.ours();
    fn = c.run(env);
    const r = fn();
    ours = describe(c.result && !isArray(r) ? env[c.result] : r);
  } catch (e) {
    if (e instanceof MissingFunction) return { ...row, verdict: e.message, result: '' };
    return { ...row, verdict: 'error', result: errorText(e) };
  }
  const py = await numpy.request<{ error?: string }>({ setup: c.setup.python });
  if (py.error) return { ...row, verdict: 'numpy setup failed', result: py.error };
  const theirs = await numpy.request<Described>({ check: c.result ? `${c.numpy}\n${c.result}` : c.numpy });
  if (theirs.error) return { ...row, verdict: 'numpy error', result: theirs.error };
  if (ours.error) return { ...row, verdict: 'error', result: ours.error };
  let differs = compare(ours, theirs);
  row.result = differs ? `WRONG: ${differs}` : 'same';
  if (differs && ours.bytes && (ours.dtype === 'float32' || ours.dtype === 'float64') && ours.dtype === theirs.dtype) {
    // floats: how far, in units in the last place (numpy's own libm and SIMD paths differ by a few)
    const path = `${o.dataDir}/np-dump.bin`;
    await numpy.request({ setup: c.setup.python });
    const dumped = await numpy.request<{ error?: string }>({ dump: c.result ? `${c.numpy}\n${c.result}` : c.numpy, path });
    const ulp = dumped.error ? Infinity : maxUlp(ours.dtype, ours.bytes, readFileSync(path));
    if (ulp <= (c.ulp ?? ULP)) {
      differs = '';
      row.result = `within ${ulp} ulp`;
    } else {
      row.result = `WRONG: values ≠ numpy's (${Number.isFinite(ulp) ? `${ulp} ulp apart` : 'sizes differ'})`;
    }
  }

  const mine: number[] = [];
  const theirSamples: number[] = [];
  if (o.warmup > 0) {
    const until = performance.now() + o.warmup * 1000;
    while (performance.now() < until) fn();
    const warm = await numpy.request<{ error?: string }>({ time: c.numpy, budget: o.warmup, min_time: budget.minTime });
    if (warm.error) return { ...row, verdict: 'numpy error', result: warm.error };
  }
  for (let r = 0; r < o.rounds; r++) {
    try {
      mine.push(...measure(c.name, fn, { maxTime: budget.seconds, minTime: budget.minTime, minSamples: budget.minSamples }).samples);
    } catch (e) {
      return { ...row, verdict: 'error', result: errorText(e) };
    }
    const ans = await numpy.request<{ samples?: number[]; error?: string }>({ time: c.numpy, budget: budget.seconds, min_time: budget.minTime });
    if (!ans.samples) return { ...row, verdict: 'numpy error', result: ans.error ?? '' };
    theirSamples.push(...ans.samples);
  }
  row.ours_ms = medianMs(mine);
  row.numpy_ms = medianMs(theirSamples);
  row.ratio = row.ours_ms / row.numpy_ms;
  // a fast wrong answer is no result: timed, shown, but left out of the table's figures
  row.verdict = differs ? 'WRONG result' : verdict(t, row.ratio);
  return row;
}

export interface TableResult {
  id: string;
  title: string;
  target: number;
  tolerance?: number;
  geomean_target?: number;
  geomean?: number;
  timed: number;
  within_target: number;
  missing: number;
  errors: number;
  wrong: number;
  rows: Row[];
}

function geomean(xs: number[]): number | undefined {
  return xs.length ? Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length) : undefined;
}

function summarise(t: Table, rows: Row[]): TableResult {
  const timed = rows.filter((r) => r.ratio !== undefined && !r.result.startsWith('WRONG'));
  return {
    id: t.id,
    title: t.title,
    target: t.target,
    ...(t.tolerance === undefined ? {} : { tolerance: t.tolerance }),
    ...(t.geomeanTarget === undefined ? {} : { geomean_target: t.geomeanTarget }),
    ...(timed.length ? { geomean: geomean(timed.map((r) => r.ratio as number)) } : {}),
    timed: timed.length,
    within_target: timed.filter((r) => (r.ratio as number) <= t.target).length,
    missing: rows.filter((r) => r.verdict.startsWith('missing:')).length,
    errors: rows.filter((r) => r.verdict.includes('error') || r.verdict.includes('failed')).length,
    wrong: rows.filter((r) => r.result.startsWith('WRONG')).length,
    rows,
  };
}

// ---- fill and copy against memset / memmove ----------------------------

function memoryTable(s: Sizes, budget: Budget): string[][] {
  const bytes = s.bytes;
  const file = `${s.dir}/np-memory.bin`;
  writeFileSync(file, Buffer.alloc(2 * bytes));
  const u8 = np.memmap(file, { dtype: 'uint8', shape: bytes });
  const src = np.memmap(file, { dtype: 'uint8', shape: bytes, offset: bytes });
  const opts = { maxTime: budget.seconds, minTime: budget.minTime, minSamples: budget.minSamples };
  const rows: string[][] = [];
  const line = (what: string, ours: () => unknown, ref: () => unknown, refPerCall = 1) => {
    try {
      const a = measure(what, ours, opts).ms;
      const b = measure(`${what} reference`, ref, opts).ms / refPerCall;
      rows.push([what, fmtTime(a), fmtTime(b), (a / b).toFixed(2)]);
    } catch (e) {
      rows.push([what, errorText(e), '', '']);
    }
  };
  // clearBuf writes the buffer 99 times (the original's clear_buf)
  line('np.fill(uint8) vs memset (C)', () => N.fill(u8, 0), () => binding().clearBuf(u8.data as Uint8Array), 99);
  line('np.copyto(uint8) vs memmove (TypedArray.set)', () => N.copyto(u8, src), () => (u8.data as Uint8Array).set(src.data as Uint8Array));
  return rows;
}

// ---- the report -------------------------------------------------------

/** The commit measured (`git describe`-like: short hash, `+dirty` with local changes), or 'unknown'. */
/** The engine's thread count (1 without the addon). */
function engineThreads(): number {
  try {
    return binding().engineThreads();
  } catch {
    return 1;
  }
}

function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** The CPU's model name (x86 'model name', else the kernel's 'Hardware'/os.cpus()), or the architecture. */
export function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const m = /^(?:model name|Hardware|Model)\s*:\s*(.+)$/m.exec(info);
    if (m) return m[1].trim();
  } catch {
    // not Linux: os.cpus() below
  }
  return cpus()[0]?.model || arch();
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/\(r\)|\(tm\)/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || arch();
}

/** `s` cut to `n` characters for a table cell (the JSON keeps it whole). */
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const code = (s: string) => `\`${s.replace(/\n\s*/g, '; ').replace(/\|/g, '\\|')}\``;

function tableMarkdown(r: TableResult): string {
  const target = `target ≤ ${r.target.toFixed(1)}${r.tolerance ? `, none above ${r.tolerance}` : ''}` +
    `${r.geomean_target ? `, geometric mean ≤ ${r.geomean_target}` : ''}`;
  const gm = r.geomean === undefined ? 'no case timed' : `geometric mean ours/numpy **${r.geomean.toFixed(2)}**`;
  const head = `## ${r.title}\n\n${target}. ${gm}; ${r.within_target} of ${r.timed} timed cases within target` +
    `${r.missing ? `; ${r.missing} missing` : ''}${r.errors ? `; ${r.errors} errors` : ''}${r.wrong ? `; ${r.wrong} wrong results` : ''}.\n\n`;
  const rows = r.rows.map((x) => [
    x.name, code(x.ours), code(x.numpy),
    x.ours_ms === undefined ? '' : fmtTime(x.ours_ms),
    x.numpy_ms === undefined ? '' : fmtTime(x.numpy_ms),
    x.ratio === undefined ? '' : x.ratio.toFixed(2),
    x.verdict, clip(x.result, 90).replace(/\|/g, '\\|'),
  ]);
  return head + markdownTable(['case', 'ours', 'numpy', 'ours time', 'numpy time', 'ours/numpy', 'verdict', 'result'], rows);
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const sizes: Sizes = o.quick ? QUICK : FULL;
  o.dataDir = sizes.dir;
  const budget: Budget = o.quick
    ? { seconds: 0.002, minTime: 0.0002, minSamples: 2 }
    : { seconds: 0.1, minTime: 0.01, minSamples: 5 };
  mkdirSync(sizes.dir, { recursive: true });
  for (const [file, bytes] of Object.entries(dataFiles(sizes))) writeFileSync(file, bytes);

  const numpy = new NumpySide();
  const numpyVersion = (await numpy.next<{ numpy: string }>()).numpy;
  const cpu = cpuModel();
  const load = loadavg();
  const rev = revision();
  const threads = engineThreads();
  console.log(`np vs numpy ${numpyVersion} on ${cpu} (${arch()}), node ${process.version}, ${threads} engine thread(s)${o.quick ? ', quick' : ''}`);

  const results: TableResult[] = [];
  // the tiny calls run first, before big arrays and every other dtype have
  // been through np: per-call cost is measured on a fresh process (after the
  // whole bench it was 3-6x higher: V8's call sites turn megamorphic)
  const all = tables(sizes);
  const order = [...all.filter((t) => t.id === 'tiny'), ...all.filter((t) => t.id !== 'tiny')];
  for (const t of order) {
    if (o.only && !o.only.includes(t.id)) continue;
    const re = o.filter ? new RegExp(o.filter) : undefined;
    const list = t.cases.filter((c) => !re || re.test(c.name));
    const rows: Row[] = [];
    const tableBudget = t.id === 'contiguous' || o.quick ? budget : { ...budget, seconds: budget.seconds * 2.5 };
    for (const [i, c] of list.entries()) {
      rows.push(await runCase(t, c, numpy, o, tableBudget));
      if (process.stderr.isTTY) process.stderr.write(`  ${t.id} ${i + 1}/${list.length}\r`);
    }
    const r = summarise(t, rows);
    results.push(r);
    console.log(`${t.id}: ${r.timed} timed, geometric mean ${r.geomean?.toFixed(2) ?? '-'}, ` +
      `${r.within_target} within target, ${r.missing} missing, ${r.errors} errors, ${r.wrong} wrong`);
  }
  numpy.close();
  results.sort((x, y) => all.findIndex((t) => t.id === x.id) - all.findIndex((t) => t.id === y.id));
  const memory = o.only && !o.only.includes('memory') ? [] : memoryTable(sizes, budget);

  const date = new Date().toISOString();
  const summary = markdownTable(['table', 'cases', 'timed', 'geometric mean', 'within target', 'target', 'missing', 'errors', 'wrong'],
    results.map((r) => [r.id, String(r.rows.length), String(r.timed), r.geomean?.toFixed(2) ?? '-', String(r.within_target),
      `≤ ${r.target.toFixed(1)}`, String(r.missing), String(r.errors), String(r.wrong)]));
  const md = [
    `# np vs numpy ${numpyVersion} on ${cpu}`,
    '',
    `- CPU: ${cpu} (${arch()}, ${cpus().length} cores)`,
    `- numpy ${numpyVersion}, node ${process.version}, commit ${rev}`,
    `- engine threads: ${threads} (element-wise calls over 1 MiB of operands are shared among them; numpy's loops use one;`,
    '  `UDMABUF_THREADS=1` times ours on one thread)',
    `- date: ${date}${o.quick ? ' (--quick: small data, few iterations; not a measurement)' : ''}`,
    '',
    'Measured by `make bench-np` (bench/np-vs-numpy.ts, bench/numpy_ops.py) in one run: per case ours (benchmark.js samples) and',
    `numpy's (timeit samples) alternate, ${o.rounds} round(s) each; times are the median per call over all samples (stdlib-js),`,
    ...(o.warmup > 0 ? [`after ${o.warmup} s of untimed calls per case on each side (--warmup: the steady state of a loop that runs on),`] : []),
    'ratio = ours / numpy (under 1.0 we are faster). Before timing, each case runs once on both sides and the results are',
    'compared (shape, dtype, every byte; scalars by value; floats within 4 ulp count as numpy\'s): "result" says same, how',
    'many ulp apart, or what differs. "missing: np.X" marks a',
    'function `np` does not have yet. The tiny table runs first, on a fresh process. Wrong results are left out of the',
    `figures. Load average when the run started: ${load.map((x) => x.toFixed(2)).join(', ')} (other work on the machine skews both sides).`,
    '',
    summary,
    '',
    ...results.map((r) => `${tableMarkdown(r)}\n`),
    '## fill and copy against memset and memmove',
    '',
    markdownTable([`${sizes.bytes >> 10} KiB uint8`, 'ours', 'reference', 'ratio'], memory),
    '',
  ].join('\n');
  const json = {
    format: 1, date, cpu, arch: arch(), cores: cpus().length, threads, loadavg: load, commit: rev, node: process.version, numpy: numpyVersion,
    quick: o.quick, rounds: o.rounds, warmup: o.warmup, sizes, tables: results,
    memory: memory.map(([what, ours, reference, ratio]) => ({ what, ours, reference, ratio })),
  };
  console.log(`\n${summary}`);
  if (o.out === 'bench/results' && (o.filter || o.only)) {
    console.log('(a partial run: nothing written to bench/results)');
    return;
  }
  mkdirSync(o.out, { recursive: true });
  const base = `${o.out}/np-${slug(cpu)}`;
  writeFileSync(`${base}.md`, md);
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 1)}\n`);
  console.log(`written: ${base}.md, ${base}.json`);
}

await main();
