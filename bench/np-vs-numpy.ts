/**
 * make bench-np: every np function x dtype on an 8 MiB memory-mapped file,
 * ours and numpy's (python3) in the same run, printed as a table of median
 * times and ratios (ours / numpy; below 1.0 we are faster). The same file
 * and the same starting values (a = 2, b = 1) on both sides.
 *
 * Also: np.fill and np.copyto against memset and memmove on the same bytes.
 * Writes bench/results/np-<arch>.md.
 *
 * usage: node dist/bench/np-vs-numpy.js [OP,OP...]   (default: every op)
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { arch } from 'node:os';

import { np } from 'u-dma-buf';

import { binding } from '../lib/binding.js';
import { fmt, markdownTable, measure } from './harness.js';

const BYTES = 8 << 20;
const FILE = 'build/bench/np-bench.bin';

type Case = { op: string; dtype: string; n: number };

const ROUNDS = 3;

/** python3 bench/numpy_ops.py, kept running: one case in, one time out. */
class NumpySide {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor(file: string) {
    this.child = spawn('python3', ['bench/numpy_ops.py', file]);
    this.child.stderr.pipe(process.stderr);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async next(): Promise<string> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('python3 bench/numpy_ops.py ended early');
    return value;
  }

  async version(): Promise<string> {
    return (JSON.parse(await this.next()) as { numpy: string }).numpy;
  }

  async time(c: Case): Promise<number> {
    this.child.stdin.write(`${JSON.stringify(c)}\n`);
    return JSON.parse(await this.next()) as number;
  }

  close(): void {
    this.child.stdin.end();
  }
}

const BINARY = ['add', 'subtract', 'multiply', 'divide', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'minimum', 'maximum'] as const;

function ours(op: string, a: np.NdArray, b: np.NdArray): () => unknown {
  const big = a.data instanceof BigInt64Array || a.data instanceof BigUint64Array;
  switch (op) {
    case 'iadd_scalar': return () => np.iadd(a, big ? 3n : 3);
    case 'imul_scalar': return () => np.imul(a, big ? 1n : 1);
    case 'fill': return () => np.fill(a, big ? 1n : 1);
    case 'copyto': return () => np.copyto(a, b);
    case 'sum': return () => np.sum(a);
    case 'min': return () => np.min(a);
    case 'max': return () => np.max(a);
    default: return () => np[op as (typeof BINARY)[number]](a, b, a);
  }
}

function cases(): Case[] {
  const list: Case[] = [];
  for (const dt of np.allDTypes()) {
    const n = BYTES / dt.itemsize;
    for (const op of BINARY) {
      if (op.startsWith('bitwise') && dt.kind === 'f') continue;
      if (op === 'divide' && dt.kind !== 'f') continue; // integers divide into float64: no in-place form
      list.push({ op, dtype: dt.name, n });
    }
    for (const op of ['iadd_scalar', 'imul_scalar', 'fill', 'copyto', 'sum', 'min', 'max']) list.push({ op, dtype: dt.name, n });
  }
  return list;
}

async function main(): Promise<void> {
  mkdirSync('build/bench', { recursive: true });
  writeFileSync(FILE, Buffer.alloc(2 * BYTES));
  const only = process.argv[2]?.split(',');
  const list = cases().filter((c) => !only || only.includes(c.op));
  console.log(`np vs numpy: ${list.length} cases on ${FILE} (8 MiB per operand), arch ${arch()}`);

  const py = new NumpySide(FILE);
  const numpyVersion = await py.version();
  // ours and numpy's alternate case by case, best of ROUNDS medians each
  const mine: number[] = [];
  const numpy: number[] = [];
  for (const [i, c] of list.entries()) {
    const a = np.memmap(FILE, { dtype: c.dtype as np.DTypeName, shape: c.n });
    const b = np.memmap(FILE, { dtype: c.dtype as np.DTypeName, shape: c.n, offset: BYTES });
    let best = Infinity;
    let bestNumpy = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      np.fill(a, np.dtype(c.dtype as np.DTypeName).isBigInt ? 2n : 2);
      np.fill(b, np.dtype(c.dtype as np.DTypeName).isBigInt ? 1n : 1);
      best = Math.min(best, measure(`${c.op} ${c.dtype}`, ours(c.op, a, b), 0.15).ms);
      bestNumpy = Math.min(bestNumpy, await py.time(c));
    }
    mine.push(best);
    numpy.push(bestNumpy);
    process.stdout.write(`  ${i + 1}/${list.length}\r`);
  }
  py.close();

  const rows = list.map((c, i) => {
    const ratio = mine[i] / numpy[i];
    return [c.op, c.dtype, fmt(mine[i]), fmt(numpy[i]), ratio.toFixed(2), ratio <= 1.0 ? 'yes' : ratio <= 1.1 ? '~' : 'no'];
  });
  const elementwise = list.map((c, i) => ({ c, r: mine[i] / numpy[i] })).filter(({ c }) => !['fill', 'copyto', 'sum', 'min', 'max'].includes(c.op));
  const worst = elementwise.reduce((w, x) => (x.r > w.r ? x : w), { c: list[0], r: 0 });
  const geomean = Math.exp(elementwise.reduce((s, x) => s + Math.log(x.r), 0) / Math.max(1, elementwise.length));

  // memset / memmove on the same 8 MiB
  const u8 = np.memmap(FILE, { dtype: 'uint8', shape: BYTES });
  const src = np.memmap(FILE, { dtype: 'uint8', shape: BYTES, offset: BYTES });
  const memset = measure('memset x99', () => binding().clearBuf(u8.data as Uint8Array)).ms / 99;
  const memmove = measure('TypedArray.set', () => (u8.data as Uint8Array).set(src.data as Uint8Array)).ms;
  const fill = measure('np.fill', () => np.fill(u8, 0)).ms;
  const copy = measure('np.copyto', () => np.copyto(u8, src)).ms;

  const table = markdownTable(['op', 'dtype', 'ours ms', 'numpy ms', 'ours/numpy', '<= 1.0'], rows);
  const mem = markdownTable(['8 MiB', 'ours ms', 'reference ms', 'ratio'], [
    ['np.fill(uint8) vs memset (C)', fmt(fill), fmt(memset), (fill / memset).toFixed(2)],
    ['np.copyto(uint8) vs memmove (TypedArray.set)', fmt(copy), fmt(memmove), (copy / memmove).toFixed(2)],
  ]);
  const summary = `element-wise: geometric mean ours/numpy ${geomean.toFixed(2)}, worst ${worst.r.toFixed(2)} (${worst.c.op} ${worst.c.dtype}); ` +
    `${elementwise.filter((x) => x.r <= 1.0).length} of ${elementwise.length} at or under 1.0`;
  const report = `# np vs numpy ${numpyVersion} on ${arch()}\n\n` +
    `Median time per call, 8 MiB per operand, memory-mapped file, out = first operand. Measured by \`make bench-np\`.\n\n` +
    `${summary}\n\n${table}\n\n## fill and copy\n\n${mem}\n`;
  console.log(`\n${table}\n\n${mem}\n\n${summary}`);
  if (!only) {
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/np-${arch()}.md`, report);
    console.log(`written: bench/results/np-${arch()}.md`);
  }
}

await main();
