// np.diff and np.ascontiguousarray against numpy: every dtype (uint8 wraps,
// bool is not_equal), n = 0..3, every axis of 1-3 d arrays and views
// (transposed, reversed), prepend/append (scalars and arrays), the errors
// (negative n, 0-d input, an axis out of range, n past the length).
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type OracleCase, type Want, mismatches, numpy } from './oracle.js';
import { rngInt } from './gen.js';

const inputs: Record<string, np.NdArray> = {};
const cases: Record<string, OracleCase> = {};
const r = rngInt(20261126);

const DTS: np.DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

function filled(shape: number[], dt: np.DTypeName): np.NdArray {
  const n = shape.reduce((x, y) => x * y, 1);
  const f = np.zeros([n], 'float64');
  for (let i = 0; i < n; i++) (f.data as Float64Array)[i] = r(300) - 100 + (dt.startsWith('float') ? r(4) / 4 : 0);
  return np.reshape(np.astype(f, dt), shape);
}

for (let k = 0; k < 40; k++) {
  const dt = DTS[k % DTS.length];
  const nd = 1 + r(3);
  const shape = Array.from({ length: nd }, () => 1 + r(5));
  const x = filled(shape, dt);
  const name = `d${k}`;
  inputs[name] = x;
  const views: [string, (a: np.NdArray) => np.NdArray][] = [['', (a) => a], ['[::-1]', (a) => np.index(a, '::-1')], ['.T', (a) => np.transpose(a)]];
  const [vs, vf] = views[r(3)];
  const ax = r(2 * nd) - nd;
  const n = r(4);
  cases[`diff${k}`] = { py: `np.diff(${name}${vs}, ${n}, axis=${ax})`, ours: () => np.diff(vf(x), n, ax) };
  cases[`diffo${k}`] = { py: `np.diff(${name}${vs}, n=${n}, axis=${ax})`, ours: () => np.diff(vf(x), { n, axis: ax } as never) };
  cases[`acont${k}`] = { py: `np.ascontiguousarray(${name}${vs})`, ours: () => np.ascontiguousarray(vf(x)) };
}
{
  const a = np.reshape(np.arange(12, { dtype: 'int16' }), [3, 4]);
  inputs.pa = a;
  const S: [string, () => unknown, string][] = [
    ['pre-scalar', () => np.diff(a, 1, { prepend: 5 }), 'np.diff(pa, prepend=5)'],
    ['app-array', () => np.diff(a, 1, { axis: 0, append: np.zeros([1, 4], 'int16') }), 'np.diff(pa, axis=0, append=np.zeros((1, 4), np.int16))'],
    ['pre-app', () => np.diff(a, 2, { prepend: [[1], [2], [3]], append: 0.5 }), 'np.diff(pa, 2, prepend=[[1], [2], [3]], append=0.5)'],
    ['n-past', () => np.diff(a, 7), 'np.diff(pa, 7)'],
    ['n0', () => np.diff(a, 0), 'np.diff(pa, 0)'],
    ['n-neg', () => np.diff(a, -1), 'np.diff(pa, -1)'],
    ['zero-d', () => np.diff(np.asarray(3)), 'np.diff(np.array(3))'],
    ['axis-out', () => np.diff(a, 1, 2), 'np.diff(pa, 1, 2)'],
    ['list', () => np.diff([1, 4, 9, 16.5]), 'np.diff([1, 4, 9, 16.5])'],
    ['acont-0d', () => np.ascontiguousarray(np.asarray(7)), 'np.ascontiguousarray(np.array(7))'],
    ['acont-dtype', () => np.ascontiguousarray(np.index(a, ':, ::2'), 'float32'), 'np.ascontiguousarray(pa[:, ::2], np.float32)'],
    ['acont-list', () => np.ascontiguousarray([[1, 2], [3, 4]]), 'np.ascontiguousarray([[1, 2], [3, 4]])'],
  ];
  for (const [k, f, py] of S) cases[k] = { py, ours: f };
}

const want: Record<string, Want> = numpy(inputs, Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, c.py])));

test('diff and ascontiguousarray match numpy', () => {
  const failures = mismatches(cases, want);
  assert.equal(failures, [], `${failures.length} of ${Object.keys(cases).length} differ:\n${failures.slice(0, 15).join('\n')}`);
});

test('ascontiguousarray gives a C-contiguous array back as it is', () => {
  const a = np.arange(6, { dtype: 'int64' });
  assert.ok(np.ascontiguousarray(a) === a);
  assert.ok(np.ascontiguousarray(a, 'int64') === a);
  assert.ok(np.ascontiguousarray(np.index(a, '::-1')) !== a);
});

test.run();
