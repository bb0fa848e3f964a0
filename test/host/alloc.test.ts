// New result arrays (lib/np/alloc.ts): those of up to 4 KiB are views into
// shared, zeroed 64 KiB slabs, those of up to 64 KiB into shared 1 MiB ones,
// larger ones have an ArrayBuffer of their own. A slab view must behave as
// an array of its own: never overlapping another live result, aligned for
// its element type, zero-filled when np.allocate hands out a small one, and
// left alone by writes to its neighbours.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

const DTYPES: np.DTypeName[] = ['uint8', 'int16', 'float32', 'int64', 'float64'];

test('small results share slabs without overlapping; each keeps its own values', () => {
  const made: { a: np.NdArray; value: number }[] = [];
  let value = 1;
  for (let round = 0; round < 40; round++) {
    for (const dt of DTYPES) {
      const item = np.dtype(dt).itemsize;
      // sizes on both sides of the 4 KiB and 64 KiB limits, odd byte counts between 8-byte steps
      for (const bytes of [1, 7, 100, 513, 2047, 4096, 4104, 30001, 65536, 65544]) {
        const n = Math.max(1, Math.floor(bytes / item));
        const a = np.add(np.zeros([n], dt), dt === 'int64' ? BigInt(value % 100) : value % 100);
        made.push({ a, value: value % 100 });
        value++;
      }
    }
  }
  const spans = new Map<ArrayBufferLike, [number, number][]>();
  for (const { a, value: v } of made) {
    const d = a.data as unknown as ArrayBufferView;
    const bytes = a.size * np.dtype(a.dtype as np.DTypeName).itemsize;
    assert.is(d.byteOffset % 8, 0, `${a.dtype} result of ${bytes} bytes at offset ${d.byteOffset}`);
    if (bytes > 65536) assert.is(d.buffer.byteLength, bytes, 'a result over 64 KiB has its own buffer');
    else assert.ok(d.buffer.byteLength >= 65536, `a result of ${bytes} bytes is in a slab`);
    const list = spans.get(d.buffer) ?? [];
    list.push([d.byteOffset, d.byteOffset + d.byteLength]);
    spans.set(d.buffer, list);
    const got = Number((a.data as ArrayLike<number | bigint>)[0]);
    const last = Number((a.data as ArrayLike<number | bigint>)[a.size - 1]);
    assert.ok(got === v && last === v, `${a.dtype}[${a.size}] holds ${got}..${last}, not ${v}`);
  }
  let sharedLarge = 0;
  let sharedMid = 0;
  for (const list of spans.values()) {
    list.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < list.length; i++) {
      assert.ok(list[i][0] >= list[i - 1][1], `results overlap: [${list[i - 1]}] and [${list[i]}]`);
    }
    if (list.length > 1) sharedLarge += list.filter(([lo, hi]) => hi - lo > 512 && hi - lo <= 4096).length;
    if (list.length > 1) sharedMid += list.filter(([lo, hi]) => hi - lo > 4096).length;
  }
  assert.ok(sharedLarge >= 2, 'results of 513 bytes to 4 KiB do not share slabs');
  assert.ok(sharedMid >= 2, 'results of 4 KiB to 64 KiB do not share slabs');
});

test('np.allocate hands out small arrays zero-filled, even after its neighbours were written', () => {
  for (let i = 0; i < 200; i++) {
    const a = np.allocate('float64', 1 + (i % 512));
    for (let k = 0; k < a.length; k++) assert.is(a[k], 0, `element ${k} of a fresh ${a.length}-element array`);
    a.fill(i + 0.5);
  }
});

test.run();

// np.zeros/np.ones/np.full/np.*_like of 64 KiB or more are uninitialised
// memory filled by the engine (its threads share arrays of 1 MiB or more):
// every element must hold the value, whatever the memory held before.
test('large zeros, ones and full arrays hold their value in every element', () => {
  const sizes = [65536, 65537, (1 << 20) + 3, 3 << 20];
  for (const dt of DTYPES) {
    const item = np.dtype(dt).itemsize;
    for (const bytes of sizes) {
      const n = Math.ceil(bytes / item);
      // dirty memory of that size for the allocator to hand back
      for (let k = 0; k < 3; k++) np.full([n], dt === 'int64' ? 99n : 99, dt);
      const cases: [string, np.NdArray, number][] = [
        ['zeros', np.zeros([n], dt), 0],
        ['ones', np.ones([n], dt), 1],
        ['full', np.full([n], dt === 'int64' ? 7n : 7, dt), 7],
        ['zeros_like', np.zeros_like(np.empty([2, n], dt)), 0],
        ['full_like', np.full_like(np.empty([n, 1], dt), dt === 'int64' ? 5n : 5), 5],
      ];
      for (const [what, a, v] of cases) {
        const d = a.data as ArrayLike<number | bigint>;
        assert.is(a.size, d.length, `np.${what} of ${dt}: a buffer of its own size`);
        let bad = -1;
        for (let i = 0; i < d.length && bad < 0; i++) if (Number(d[i]) !== v) bad = i;
        assert.is(bad, -1, `np.${what}(${n}, ${dt}): element ${bad} is ${bad < 0 ? '' : String(d[bad])}, not ${v}`);
      }
    }
  }
});
