// .npy files and raw bytes against numpy, both ways: our save gives the
// bytes numpy's np.save gives for the same array (every dtype, 0-d, empty,
// 1- to 4-d, Fortran-ordered views); numpy loads our files (also
// memory-mapped); we load numpy's files (versions 1.0/2.0/3.0, Fortran
// order, big-endian), plain and memory-mapped; corrupt files fail as numpy's
// do; fromfile/tofile/frombuffer/tobytes match numpy's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ndarray from 'ndarray';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type Want, differs, differsInError, numpy } from './oracle.js';

const dir = mkdtempSync(join(tmpdir(), 'np-npyio-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => join(dir, name);

const DTYPES: np.DTypeString[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
try {
  np.dtype('bool');
  DTYPES.push('bool');
} catch {
  // no bool dtype yet
}
const SHAPES = [[], [0], [5], [2, 0], [4, 3], [2, 3, 4], [2, 1, 3, 2], [1, 7]];

/** Deterministic bytes, reinterpreted as the dtype (bool: 0/1). */
function randomArray(dtName: np.DTypeString, shape: number[], seed: number): np.NdArray {
  const dt = np.dtype(dtName);
  const size = shape.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(size * dt.itemsize);
  let x = seed * 2654435761 >>> 0 || 1;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = dt.char === '?' ? x & 1 : x & 0xff;
  }
  if (dt.kind === 'f') {
    // no NaN payload games: numpy keeps them, but keep the files readable
    const f = new dt.ArrayType(bytes.buffer) as Float64Array;
    for (let i = 0; i < f.length; i++) if (Number.isNaN(f[i])) f[i] = i;
  }
  return ndarray(new dt.ArrayType(bytes.buffer) as unknown as Float64Array, shape) as unknown as np.NdArray;
}

const inputs: Record<string, np.NdArray> = {};
const cases: Record<string, string> = { version: 'np.__version__' };
/** Our side of each case, run after numpy. */
const checks: [string, (w: Want) => string | undefined][] = [];

const setup = `
import io
def saved(a):
    b = io.BytesIO()
    np.save(b, a)
    return np.frombuffer(b.getvalue(), np.uint8)
def w(path, a, **kw):
    with open(path, 'wb') as f:
        np.lib.format.write_array(f, a, allow_pickle=False, **kw)
    return 0
def loadmm(path, mode):
    m = np.load(path, mmap_mode=mode)
    return np.array(m)
`;

let k = 0;
for (const dtName of DTYPES) {
  for (const shape of SHAPES) {
    const a = randomArray(dtName, shape, ++k);
    const name = `a${k}`;
    inputs[name] = a;
    // our save, byte for byte numpy's
    const mine = at(`ours-${name}.npy`);
    np.save(mine, a);
    cases[`${name}_bytes`] = `saved(${name})`;
    checks.push([`${name}_bytes`, (want) => differs(np.frombuffer(readFileSync(mine), { dtype: 'uint8' }), want)]);
    // numpy loads ours, plain and mapped
    cases[`${name}_np_loads`] = `np.load(${JSON.stringify(mine)})`;
    checks.push([`${name}_np_loads`, (want) => differs(a, want)]);
    if (a.size > 0 && shape.length === 2) {
      cases[`${name}_np_maps`] = `loadmm(${JSON.stringify(mine)}, 'r')`;
      checks.push([`${name}_np_maps`, (want) => differs(a, want)]);
    }
    // we load numpy's files: v1, v2, v3, Fortran order, big-endian
    const variants: [string, string][] = [
      ['v1', `w(P, ${name})`],
      ['v2', `w(P, ${name}, version=(2, 0))`],
      ['v3', `w(P, ${name}, version=(3, 0))`],
      ['fortran', `w(P, np.asfortranarray(${name}) if ${name}.ndim else ${name})`],
      ['big', `w(P, ${name}.astype(${name}.dtype.newbyteorder('>')))`],
    ];
    for (const [tag, expr] of variants) {
      // the rarer layouts on a few shapes only, to keep the run short
      if ((tag === 'v2' || tag === 'v3') && shape.length !== 2) continue;
      if (tag === 'big' && shape.length !== 1 && shape.length !== 3) continue;
      const theirs = at(`np-${name}-${tag}.npy`);
      cases[`${name}_w_${tag}`] = expr.replace('P', JSON.stringify(theirs));
      checks.push([`${name}_w_${tag}`, () => differs(np.load(theirs), { kind: 'array', dtype: np.dtype(dtName).name, shape, data: cBytesOf(a) })]);
      if (tag !== 'big' && a.size > 0) {
        checks.push([`${name}_w_${tag}`, () => differs(np.load(theirs, { mmap_mode: 'r' }), { kind: 'array', dtype: np.dtype(dtName).name, shape, data: cBytesOf(a) })]);
      }
    }
    // a Fortran-ordered view: saved as numpy saves a Fortran array
    if (shape.length >= 2 && a.size > 0) {
      const t = a.transpose(...shape.map((_, i) => shape.length - 1 - i));
      const tName = `t${k}`;
      inputs[tName] = t;
      const tFile = at(`ours-${tName}.npy`);
      np.save(tFile, t);
      cases[`${tName}_bytes`] = `saved(np.asfortranarray(${tName}))`;
      checks.push([`${tName}_bytes`, (want) => differs(np.frombuffer(readFileSync(tFile), { dtype: 'uint8' }), want)]);
      cases[`${tName}_np_loads`] = `np.load(${JSON.stringify(tFile)})`;
      checks.push([`${tName}_np_loads`, (want) => differs(t, want)]);
      // a view with steps: C order bytes
      const s = a.step(-1);
      const sName = `s${k}`;
      inputs[sName] = s;
      const sFile = at(`ours-${sName}.npy`);
      np.save(sFile, s);
      cases[`${sName}_bytes`] = `saved(${sName})`;
      checks.push([`${sName}_bytes`, (want) => differs(np.frombuffer(readFileSync(sFile), { dtype: 'uint8' }), want)]);
      for (const order of ['C', 'F', 'A'] as const) {
        cases[`${sName}_tobytes${order}`] = `np.frombuffer(${sName}.tobytes(order='${order}'), np.uint8)`;
        checks.push([`${sName}_tobytes${order}`, (want) => differs(np.frombuffer(np.tobytes(s, { order }), { dtype: 'uint8' }), want)]);
        cases[`${tName}_tobytes${order}`] = `np.frombuffer(np.asfortranarray(${tName}).tobytes(order='${order}'), np.uint8)`;
        checks.push([`${tName}_tobytes${order}`, (want) => differs(np.frombuffer(np.tobytes(t, { order }), { dtype: 'uint8' }), want)]);
      }
    }
  }
}

/** C-ordered bytes of any view. */
function cBytesOf(a: np.NdArray): Buffer {
  return np.tobytes(a);
}

// raw files: tofile, then fromfile with dtype/count/offset as numpy
{
  const a = randomArray('uint8', [103], 99);
  const raw = at('raw.bin');
  np.tofile(a, raw);
  const combos: [np.DTypeString, number, number][] = [
    ['uint8', -1, 0], ['uint16', -1, 0], ['uint16', 10, 1], ['float32', -1, 3], ['int64', 5, 8], ['float64', 100, 0], ['int32', 0, 0],
  ];
  combos.forEach(([dtName, count, offset], i) => {
    cases[`ff${i}`] = `np.fromfile(${JSON.stringify(raw)}, dtype='${dtName}', count=${count}, offset=${offset})`;
    checks.push([`ff${i}`, (want) => differs(np.fromfile(raw, { dtype: dtName, count, offset }), want)]);
  });
}

// frombuffer: views and numpy's errors
{
  const buf = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) buf[i] = i * 17;
  const bytes = `bytes(range(0, 272, 17))`;
  const combos: [np.DTypeString, number, number][] = [
    ['uint8', -1, 0], ['uint16', -1, 2], ['int32', 2, 4], ['float64', -1, 8], ['uint32', -1, 2], ['uint8', 20, 0], ['uint8', -1, 17], ['uint8', -1, 16],
  ];
  combos.forEach(([dtName, count, offset], i) => {
    cases[`fb${i}`] = `np.frombuffer(${bytes}, dtype='${dtName}', count=${count}, offset=${offset})`;
    checks.push([`fb${i}`, (want) => {
      try {
        return differs(np.frombuffer(buf, { dtype: dtName, count, offset }), want);
      } catch (e) {
        return differsInError(e, want);
      }
    }]);
  });
}

// corrupt files: numpy's errors
{
  const good = readFileSync(at('ours-a3.npy'));
  const corrupt: Record<string, Buffer> = {
    truncdata: good.subarray(0, good.length - 3),
    trunchead: good.subarray(0, 20),
    magic: Buffer.from('hello world, not an npy file'),
    empty: Buffer.alloc(0),
    keys: Buffer.concat([good.subarray(0, 10), Buffer.from("{'descr': '<f8', 'shape': (1,), }".padEnd(117) + '\n')]),
  };
  for (const [tag, bytes] of Object.entries(corrupt)) {
    const p = at(`bad-${tag}.npy`);
    writeFileSync(p, bytes);
    cases[`bad_${tag}`] = `np.load(${JSON.stringify(p)})`;
    checks.push([`bad_${tag}`, (want) => {
      try {
        np.load(p);
        return 'ours loaded it';
      } catch (e) {
        // numpy 1.x took an empty file for pickled data (a ValueError); NumPy 2 raises EOFError
        if ((e as Error).name === 'EOFError' && numpyVersion.startsWith('1.')) return undefined;
        return differsInError(e, want);
      }
    }]);
  }
}

// a mapped array and its views print as numpy's memmap; results as arrays
{
  const p = at('repr-mm.npy');
  np.save(p, stridedOf(np.arange(40, { dtype: 'uint8' }), [4, 10]));
  const m = () => np.load(p, { mmap_mode: 'r' });
  const exprs: [string, () => string][] = [
    [`repr(np.load(${JSON.stringify(p)}, mmap_mode='r'))`, () => np.array_repr(m())],
    [`repr(np.load(${JSON.stringify(p)}, mmap_mode='r')[1:, ::2])`, () => np.array_repr(m().lo(1, 0).step(1, 2))],
    [`repr(np.load(${JSON.stringify(p)}, mmap_mode='r') + 1)`, () => np.array_repr(np.add(m(), 1))],
    [`repr(np.load(${JSON.stringify(p)}))`, () => np.array_repr(np.load(p))],
  ];
  exprs.forEach(([expr, mine], i) => {
    cases[`mmrepr${i}`] = expr;
    checks.push([`mmrepr${i}`, (want) => (want.kind === 'value' && want.value === mine() ? undefined : `${mine()} != ${JSON.stringify(want)}`)]);
  });
}

/** A C-ordered view of a contiguous 1-d array with another shape. */
function stridedOf(a: np.NdArray, shape: number[]): np.NdArray {
  return ndarray(a.data as unknown as Float64Array, shape) as unknown as np.NdArray;
}

let want: Record<string, Want> = {};
let numpyVersion = '';
test.before(() => {
  want = numpy(inputs, cases, setup);
  numpyVersion = String((want.version as { value: unknown }).value);
});

test('save, load, fromfile/tofile, frombuffer/tobytes agree with numpy', () => {
  const failures: string[] = [];
  for (const [key, check] of checks) {
    let why: string | undefined;
    try {
      why = check(want[key]);
    } catch (e) {
      why = `threw ${String(e)}`;
    }
    if (why) failures.push(`${key} (${cases[key]}): ${why}`);
  }
  assert.is(failures.length, 0, `${failures.length} of ${checks.length} differ:\n${failures.slice(0, 12).join('\n')}`);
});

test('mmap_mode: r+ writes reach the file, c does not, r maps read-only data', () => {
  const p = at('mm.npy');
  np.save(p, np.arange(6, { dtype: 'int16' }));
  const rw = np.load(p, { mmap_mode: 'r+' });
  rw.set(0, 42);
  assert.is(np.load(p).get(0), 42);
  const cow = np.load(p, { mmap_mode: 'c' });
  cow.set(1, 7);
  assert.is(np.load(p).get(1), 1);
  const ro = np.load(p, { mmap_mode: 'r' });
  assert.is(ro.get(5), 5);
  assert.is(np.isWriteable(ro), false);
  assert.throws(() => ro.set(0, 1), (e: Error) => e.name === 'ValueError' && /read-only/.test(e.message));
  assert.throws(() => ro.lo(2).set(0, 1), (e: Error) => e.name === 'ValueError');
});

test('unsupported dtypes and mapped big-endian data are refused by name', () => {
  const p = at('complex.npy');
  const header = "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }";
  writeFileSync(p, Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0]), Buffer.from(header.padEnd(117) + '\n'), Buffer.alloc(16)]));
  assert.throws(() => np.load(p), (e: Error) => e.name === 'DTypeError' && /<c16/.test(e.message));
  const big = at(`np-a${DTYPES.indexOf('float64') * SHAPES.length + 3}-big.npy`);
  assert.throws(() => np.load(big, { mmap_mode: 'r' }), (e: Error) => e.name === 'DTypeError' && /big-endian/.test(e.message));
});

test('an .npz archive is refused with what to do', () => {
  const p = at('archive.npz');
  writeFileSync(p, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]));
  assert.throws(() => np.load(p), (e: Error) => e.name === 'ValueError' && /zip archive/.test(e.message));
});

test('save appends .npy as numpy does; frombuffer views, never copies', () => {
  np.save(at('noext'), np.zeros(2));
  assert.is(np.load(at('noext.npy')).size, 2);
  const buf = Buffer.alloc(8);
  const v = np.frombuffer(buf, { dtype: 'uint16', offset: 2 });
  v.set(0, 0x0102);
  assert.equal([...buf], [0, 0, 2, 1, 0, 0, 0, 0]);
  assert.throws(() => np.frombuffer(buf, { dtype: 'uint16', offset: 1, count: 2 }), (e: Error) => e.name === 'ValueError' && /aligned/.test(e.message));
});

test.run();
