import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { DTypeError, ShapeError, UdmabufError, np } from 'u-dma-buf';

const dir = mkdtempSync(join(tmpdir(), 'np-memmap-'));
const file = (name: string, bytes: number[] | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.from(bytes));
  return p;
};

test.after(() => rmSync(dir, { recursive: true, force: true }));

test("mode 'r+' maps the file's bytes and writes reach the file", () => {
  const p = file('a.bin', [1, 2, 3, 4, 5, 6, 7, 8]);
  const a = np.memmap(p, { dtype: 'uint8', mode: 'r+' });
  assert.equal(a.shape, [8]);
  assert.is(a.get(2), 3);
  a.set(0, 200);
  np.iadd(a, 1);
  assert.equal([...readFileSync(p)], [201, 3, 4, 5, 6, 7, 8, 9]);
});

test('the shape is inferred from the size, and must divide it', () => {
  const p = file('b.bin', new Array(12).fill(0));
  assert.equal(np.memmap(p, { dtype: 'uint32' }).shape, [3]);
  assert.equal(np.memmap(p, { dtype: 'uint16', offset: 4 }).shape, [4]);
  assert.throws(() => np.memmap(p, { dtype: 'float64' }), (e: Error) => e instanceof ShapeError && /not a multiple/.test(e.message));
});

test('dtype views read little-endian values', () => {
  const buf = Buffer.alloc(16);
  buf.writeUInt32LE(0xdeadbeef, 0);
  buf.writeFloatLE(1.5, 4);
  buf.writeBigInt64LE(-5n, 8);
  const p = file('c.bin', buf);
  assert.is(np.memmap(p, { dtype: '<u4', shape: 1 }).get(0), 0xdeadbeef);
  assert.is(np.memmap(p, { dtype: 'f4', offset: 4, shape: 1 }).get(0), 1.5);
  assert.is(np.memmap(p, { dtype: 'int64', offset: 8, shape: 1 }).get(0), -5n);
});

test("mode 'w+' creates the file at the size of the shape", () => {
  const p = join(dir, 'd.bin');
  const a = np.memmap(p, { dtype: 'float32', mode: 'w+', shape: [2, 3] });
  assert.is(statSync(p).size, 24);
  np.fill(a, 2.5);
  assert.is(readFileSync(p).readFloatLE(20), 2.5);
  assert.throws(() => np.memmap(p, { mode: 'w+' }), (e: Error) => /shape must be given/.test(e.message));
});

test("mode 'r+' grows a regular file that is too short, as numpy", () => {
  const p = file('e.bin', [1, 2]);
  np.memmap(p, { dtype: 'uint8', mode: 'r+', shape: 10 });
  assert.is(statSync(p).size, 10);
});

test("modes 'r' and 'c' never change the file", () => {
  const p = file('f.bin', [9, 9, 9, 9]);
  const r = np.memmap(p, { mode: 'r' });
  const c = np.memmap(p, { mode: 'c' });
  // mode 'r' is read-only as numpy's; a store straight into its data stays in this process
  assert.throws(() => r.set(0, 1), (e: Error) => e.name === 'ValueError' && /read-only/.test(e.message));
  (r.data as Uint8Array)[0] = 1;
  assert.is(r.get(0), 1);
  c.set(1, 2);
  assert.is(c.get(1), 2);
  assert.equal([...readFileSync(p)], [9, 9, 9, 9]);
  assert.throws(() => np.memmap(p, { mode: 'r', shape: 8 }), (e: Error) => e instanceof ShapeError);
});

test('bad modes, offsets and shapes say what is allowed', () => {
  const p = file('g.bin', [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.throws(
    () => np.memmap(p, { mode: 'rw' as 'r' }),
    (e: Error) => e instanceof UdmabufError && /'r', 'r\+', 'w\+', 'c'.*not 'rw'/.test(e.message),
  );
  assert.throws(() => np.memmap(p, { dtype: 'uint32', offset: 2 }), (e: Error) => e instanceof DTypeError);
  assert.throws(() => np.memmap(p, { offset: 8 }), (e: Error) => e instanceof ShapeError);
  assert.throws(() => np.memmap(p, { shape: [-1] }), (e: Error) => e instanceof ShapeError);
  assert.throws(() => np.memmap(join(dir, 'missing.bin'), { mode: 'r' }), (e: Error) => (e as { code?: string }).code === 'ENOENT');
});

test('views alias the mapping: lo, hi, step, pick, transpose', () => {
  const p = file('h.bin', Array.from({ length: 24 }, (_, i) => i));
  const img = np.memmap(p, { dtype: 'uint8', shape: [2, 4, 3] });
  const red = img.pick(null, null, 0);
  assert.equal(red.shape, [2, 4]);
  assert.is(red.get(1, 2), 18);
  np.fill(red, 100);
  assert.is(readFileSync(p)[21], 100);
  const t = img.transpose(2, 0, 1);
  assert.is(t.get(1, 1, 1), img.get(1, 1, 1));
  const part = img.lo(1, 1).hi(1, 2).step(1, 1, -1);
  assert.is(part.get(0, 0, 0), img.get(1, 1, 2));
  np.iadd(part, 1);
  assert.is(readFileSync(p)[12 + 3 + 2], 18);
});

test.run();
