// examples/sobel: the numpy original (sobel.py) and its line-by-line
// TypeScript port (sobel.mts) run on the same H×W×3 uint8 image (.npy); the
// output files must be the same bytes (the .npy header included) and the
// printed summary line the same. The port needs np functions that land with
// other parts of np: until they are there, the comparison is skipped with a
// message naming them; once they are, the port is type-checked (strict, the
// project's options) and transpiled into build/example-port/ before it runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import ts from 'typescript';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

const PY = 'examples/sobel/sobel.py';
const TS = 'examples/sobel/sobel.mts';
const JS = 'build/example-port/sobel.mjs';
/** The np functions the port calls. */
const NEEDS = ['load', 'save', 'index', 'astype', 'add', 'subtract', 'multiply', 'right_shift', 'pad', 'sqrt', 'max', 'mean'];

const dir = mkdtempSync(join(tmpdir(), 'example-port-'));
const input = join(dir, 'in.npy');

// a 120×160 picture: red and green ramps, a blue disc, deterministic noise
execFileSync('python3', ['-c', `
import numpy as np
H, W = 120, 160
y, x = np.mgrid[0:H, 0:W]
img = np.zeros((H, W, 3), np.uint8)
img[..., 0] = x * 255 // (W - 1)
img[..., 1] = y * 255 // (H - 1)
img[..., 2] = np.where((x - W / 2) ** 2 + (y - H / 2) ** 2 < (H / 3) ** 2, 200, 30)
noise = np.random.default_rng(7).integers(-8, 9, img.shape)
np.save(${JSON.stringify(input)}, (img.astype(np.int16) + noise).clip(0, 255).astype(np.uint8))
`]);

test.after(() => rmSync(dir, { recursive: true, force: true }));

test('the two files have the same numbered comments on the same lines', () => {
  const numbered = (file: string, mark: string) => readFileSync(file, 'utf8').split('\n')
    .map((l, i) => [i + 1, new RegExp(`${mark} (\\d+)\\b`).exec(l)?.[1]] as const)
    .filter(([, n]) => n !== undefined)
    .map(([line, n]) => `${line}:${n}`);
  const py = numbered(PY, '#');
  assert.is(py.length, 19);
  assert.equal(numbered(TS, '//'), py);
});

test('the numpy original runs', () => {
  const out = execFileSync('python3', [PY, input, join(dir, 'numpy.npy')], { encoding: 'utf8' });
  assert.match(out, /^120x160 edges, mean \d+\.\d{3}, max 255\n$/);
});

const missing = NEEDS.filter((f) => typeof (np as unknown as Record<string, unknown>)[f] !== 'function');
if (missing.length) {
  console.log(`\n  example-port: SKIPPED the comparison with numpy: missing ${missing.map((f) => `np.${f}`).join(', ')}\n`);
  test.skip('the TypeScript port writes the same bytes and prints the same line as numpy');
} else {
  test('the TypeScript port type-checks with the project\'s options', () => {
    const config = ts.readConfigFile('tsconfig.json', (f) => ts.sys.readFile(f));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, resolve('.'));
    // against the built declarations (dist/lib/*.d.ts): the same types, a fraction of the work
    const program = ts.createProgram([resolve(TS)], { ...options, noEmit: true, paths: { 'u-dma-buf': ['./dist/lib/index.d.ts'] } });
    const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(resolve(TS)));
    assert.is(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '.', getNewLine: () => '\n' }), '');
  });

  test('the TypeScript port writes the same bytes and prints the same line as numpy', () => {
    const js = ts.transpileModule(readFileSync(TS, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    mkdirSync('build/example-port', { recursive: true });
    writeFileSync(JS, js);
    const want = execFileSync('python3', [PY, input, join(dir, 'numpy.npy')], { encoding: 'utf8' });
    const got = execFileSync('node', [JS, input, join(dir, 'ours.npy')], { encoding: 'utf8' });
    assert.is(got, want);
    const a = readFileSync(join(dir, 'ours.npy'));
    const b = readFileSync(join(dir, 'numpy.npy'));
    assert.is(a.length, b.length, 'file sizes');
    const first = a.findIndex((x, i) => x !== b[i]);
    assert.is(first, -1, `first differing byte at ${first}`);
  });
}

test.run();
