// view (the same bytes as another dtype), tolist, item and flatten against
// numpy: every dtype pair of view over contiguous, sliced, transposed and
// reversed arrays with numpy's errors; tolist/item of every dtype and
// layout (read back through np.array in the dtype: JSON has no inf/NaN;
// bigints and booleans checked by type separately); flatten's copy in C order.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { ALL_DTYPES, CaseBook, randomArray } from './gen.js';

const book = new CaseBook();
const add = (name: string, py: string, ours: () => unknown): void => book.add(name, py, ours);

let seed = 7;
const unaligned: [string, () => unknown][] = [];
for (const from of ALL_DTYPES) {
  const a = randomArray(from, [3, 8], seed++, { edges: true, range: 50 });
  const xa = book.input(a);
  const layouts: [string, string, () => np.NdArray][] = [
    ['c', xa, () => a],
    ['rows', `${xa}[1:]`, () => np.index(a, '1:')],
    ['T', `${xa}.T`, () => np.transpose(a)],
    ['rev', `${xa}[::-1]`, () => np.index(a, '::-1')],
    ['cols', `${xa}[:, 2:6]`, () => np.index(a, ':, 2:6')],
  ];
  for (const to of ALL_DTYPES) {
    for (const [lname, py, v] of layouts) {
      const x = v();
      const start = x.data.byteOffset + x.offset * np.dtype(from).itemsize;
      // numpy reads unaligned elements; a JavaScript typed array cannot: np refuses those (checked below)
      const name = `view ${from} ${lname} as ${to}`;
      if (start % np.dtype(to).itemsize !== 0) unaligned.push([name, () => np.view(v(), to)]);
      add(name, `${py}.view('${to}')`, () => np.view(v(), to));
    }
  }
  // Python's values come back through np.array(..., dtype) (JSON has no inf/NaN): the values, exactly
  const back = (x: unknown): np.NdArray => np.array(x as number[], from);
  for (const [lname, py, v] of layouts) {
    add(`tolist ${from} ${lname}`, `np.array(${py}.tolist(), '${from}')`, () => back(np.tolist(v())));
    add(`flatten ${from} ${lname}`, `${py}.flatten()`, () => np.flatten(v()));
    add(`item flat ${from} ${lname}`, `np.array(${py}.item(-3), '${from}')`, () => back(np.item(v(), -3)));
    add(`item idx ${from} ${lname}`, `np.array(${py}.item(1, 1), '${from}')`, () => back(np.item(v(), 1, 1)));
  }
  add(`item one ${from}`, `np.array(${xa}[1:2, 3:4].item(), '${from}')`, () => back(np.item(np.index(a, '1:2, 3:4'))));
  add(`item many ${from}`, `${xa}.item()`, () => np.item(a));
  add(`item out of range ${from}`, `${xa}.item(24)`, () => np.item(a, 24));
  add(`item axis out of range ${from}`, `${xa}.item(0, 8)`, () => np.item(a, 0, 8));
  add(`tolist 0-d ${from}`, `np.array(${xa}[1, 2].tolist(), '${from}')`, () => back(np.tolist(np.index(a, '1, 2'))));
}

const want = book.ask();

// where numpy reads unaligned elements a JavaScript typed array cannot: np refuses those (the next test)
const refused = new Set(unaligned.filter(([name]) => want[name].kind !== 'error').map(([name]) => name));

test('view, tolist, item and flatten as numpy', () => {
  const { count, failures } = book.failures(want, (name) => !refused.has(name));
  assert.equal(failures, [], `${failures.length} of ${count} differ:\n${failures.slice(0, 15).join('\n')}`);
});

test('a view is the same memory: writes show through both ways, read-only stays read-only', () => {
  const b = np.zeros(8, 'uint8');
  const w = np.view(b, 'uint32');
  np.copyto(w, 0x01020304);
  assert.equal(Array.from(b.data as Uint8Array), [4, 3, 2, 1, 4, 3, 2, 1]);
  (b.data as Uint8Array)[0] = 0xff;
  assert.is(w.get(0), 0x010203ff);
  const r = np.view(np.broadcast_to(np.zeros(4, 'uint8'), [2, 4]), 'int8');
  assert.is(np.isWriteable(r), false);
});

test('views numpy reads unaligned are ValueErrors here (JavaScript typed arrays need alignment)', () => {
  assert.ok(refused.size > 0);
  for (const [name, f] of unaligned) {
    if (!refused.has(name)) continue;
    assert.throws(f, (e: Error) => e instanceof np.ValueError && /JavaScript typed arrays need/.test(e.message), name);
  }
});

test('an unaligned start is a ValueError that says JavaScript needs alignment, and names the copy', () => {
  const b = np.zeros(9, 'uint8');
  assert.throws(() => np.view(np.index(b, '1:'), 'uint16'),
    (e: Error) => e instanceof np.ValueError && /starts at byte 1 .*not a multiple of 2.*np\.view\(np\.copy\(a\), 'uint16'\)/.test(e.message));
});

test('tolist and item give bigints for 64-bit integers and booleans for bool', () => {
  assert.equal(np.tolist(np.array([1, 2], 'int64')), [1n, 2n]);
  assert.equal(np.tolist(np.array([true, false])), [true, false]);
  assert.is(np.item(np.array([7], 'uint64')), 7n);
  assert.is(np.item(np.array([1.5], 'float32'), 0), 1.5);
});

test('every case added is compared with numpy by some test', () => {
  // (the views numpy reads unaligned are checked above as refusals)
  assert.equal(book.unchecked().filter((name) => !refused.has(name)), []);
});

test.run();
