/**
 * A battery: many numpy one-liners on a 1080p frame, ours against numpy's,
 * to find the slow ones before they go into `make bench-np`'s tables.
 * Each line of a battery file is `name ||| our expression ||| numpy's`
 * (`#` starts a comment; numpy's side may hold statements split by `;; `).
 * Both sides see the same arrays: `img` (1080×1920×3 uint8), `f32`
 * (img / 255 in float32), `f64`, `i16`, `g` (a channel view), `c` (its
 * copy), `crop` (100×100×3 uint8) and `OUT` (100×100×3 float32).
 * The two sides alternate `--rounds` times, each in a process of its own;
 * a case's time is the lowest median of its rounds (benchmark.js samples
 * here, timeit's there). Results are not compared: a case that joins a
 * table of `make bench-np` is, there.
 *
 * usage: node dist/bench/battery.js FILE [--seconds=S] [--rounds=N]
 * The batteries of sessions 19-20 are in bench/batteries/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { np } from 'u-dma-buf';

import { markdownTable, measure } from './harness.js';

interface Line { name: string; ours: string; numpy: string }

const NAMES = ['np', 'img', 'f32', 'f64', 'i16', 'g', 'c', 'crop', 'OUT'] as const;

function parse(text: string): Line[] {
  return text.split('\n').filter((l) => l.includes('|||') && !l.trimStart().startsWith('#')).map((l) => {
    const [name, ours, numpy] = l.split('|||').map((s) => s.trim());
    return { name, ours, numpy: numpy.replace(/;; /g, '\n') };
  });
}

function arrays(): unknown[] {
  const img = np.empty([1080, 1920, 3], 'uint8');
  const d = img.data;
  for (let i = 0; i < d.length; i++) d[i] = Math.imul(i, 2654435761) >>> 24;
  const f32 = np.divide(np.astype(img, 'float32'), 255, { dtype: 'float32' });
  const g = np.index(img, ':, :, 1');
  const env = { np, img, f32, f64: np.astype(f32, 'float64'), i16: np.astype(img, 'int16'), g, c: np.copy(g),
    crop: np.copy(np.index(img, '100:200, 100:200')), OUT: np.empty([100, 100, 3], 'float32') };
  return NAMES.map((k) => env[k]);
}

const PYTHON = `
import json, sys, timeit
import numpy as np
img = ((np.arange(1080 * 1920 * 3, dtype=np.uint64) * 2654435761) % (1 << 32) >> 24).astype(np.uint8).reshape(1080, 1920, 3)
f32 = (img.astype(np.float32) / np.float32(255)).astype(np.float32)
f64 = f32.astype(np.float64); i16 = img.astype(np.int16); g = img[:, :, 1]; c = g.copy()
crop = img[100:200, 100:200].copy(); OUT = np.empty((100, 100, 3), np.float32)
seconds = float(sys.argv[1])
out = []
for e in json.load(sys.stdin):
    try:
        code = compile(e, '<case>', 'exec' if '\\n' in e else 'eval')
        fn = (lambda: exec(code)) if '\\n' in e else (lambda: eval(code))
        fn()
        one = max(timeit.timeit(fn, number=1), 1e-7)
        n = max(1, round(seconds / 5 / one))
        out.append(sorted(timeit.repeat(fn, number=n, repeat=5))[2] / n * 1e3)
    except Exception as ex:
        out.append(type(ex).__name__ + ': ' + str(ex))
print(json.dumps(out))
`;

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const opt = (k: string, d: number): number => Number(args.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  if (!file) throw new Error('usage: node dist/bench/battery.js FILE [--seconds=S] [--rounds=N]');
  const seconds = opt('seconds', 0.3);
  const rounds = opt('rounds', 2);
  const lines = parse(readFileSync(file, 'utf8'));
  const values = arrays();
  // the battery's own expressions, as a user writes them
  const fns = lines.map((l) => new Function(...NAMES, `return ${l.ours};`) as (...a: unknown[]) => unknown);
  const ours: number[][] = lines.map(() => []);
  const theirs: number[][] = lines.map(() => []);
  const errors = new Map<number, string>();
  for (let r = 0; r < rounds; r++) {
    lines.forEach((_, i) => {
      try {
        ours[i].push(measure(lines[i].name, () => { fns[i](...values); }, seconds).ms);
      } catch (e) {
        errors.set(i, `ours: ${(e as Error).message.slice(0, 80)}`);
        ours[i].length = 0;
      }
    });
    const py = JSON.parse(execFileSync('python3', ['-c', PYTHON, String(seconds)], {
      input: JSON.stringify(lines.map((l) => l.numpy)), maxBuffer: 1 << 24,
    }).toString()) as (number | string)[];
    py.forEach((t, i) => {
      if (typeof t === 'number') theirs[i].push(t);
      else errors.set(i, [errors.get(i), `numpy: ${t.slice(0, 80)}`].filter(Boolean).join('; '));
    });
  }
  const best = (xs: number[]): number => (xs.length ? Math.min(...xs) : NaN);
  const rows = lines.map((l, i) => ({ i, o: best(ours[i]), t: best(theirs[i]) }))
    .map((x) => ({ ...x, r: x.o / x.t })).sort((a, b) => (b.r || 0) - (a.r || 0));
  const us = (ms: number): string => (Number.isFinite(ms) ? (ms * 1000).toFixed(1) : '—');
  console.log(markdownTable(['ours/numpy', 'ours µs', 'numpy µs', 'case'], rows.map((x) => [
    Number.isFinite(x.r) ? x.r.toFixed(2) : '—', us(x.o), us(x.t),
    lines[x.i].name + (errors.has(x.i) ? `  (${errors.get(x.i)})` : ''),
  ])));
  const ratios = rows.map((x) => x.r).filter((r) => Number.isFinite(r) && r > 0);
  const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`\n${ratios.length} of ${lines.length} cases timed; geometric mean ${geo.toFixed(2)}; ${ratios.filter((r) => r > 1).length} above numpy`);
}

main();
