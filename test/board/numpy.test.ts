// Interop with numpy on the same buffer: python3 + numpy in the board maps
// /dev/udmabuf0 with numpy.memmap, as the original README does, and the
// TypeScript layer sees the same bytes, and the other way round.
import { execFileSync } from 'node:child_process';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { Udmabuf, np } from 'u-dma-buf';

const python = (code: string): string => execFileSync('python3', ['-c', code], { encoding: 'utf8' }).trim();

test('numpy writes through numpy.memmap, TypeScript reads', () => {
  python(`
import numpy as np
a = np.memmap('/dev/udmabuf0', dtype=np.uint8, mode='r+', shape=(1048576))
a[:] = np.arange(1048576) % 251
f = np.memmap('/dev/udmabuf0', dtype=np.float32, mode='r+', offset=65536, shape=(64, 3))
f[:] = np.linspace(-1, 1, 192, dtype=np.float32).reshape(64, 3)
a.flush(); f.flush()
`);
  const u = new Udmabuf('udmabuf0');
  const a = u.memmap(np.uint8, 1048576);
  let bad = 0;
  for (let i = 0; i < 65536; i++) if (a.get(i) !== i % 251) bad++;
  assert.is(bad, 0);
  const f = u.memmap('float32', [64, 3], { offset: 65536 });
  assert.is(f.get(0, 0), -1);
  assert.is(f.get(63, 2), 1);
  assert.is(f.get(10, 1), Math.fround(-1 + (2 * 31) / 191));
  u.close();
});

test('TypeScript writes, numpy reads the same values', () => {
  const u = new Udmabuf('udmabuf0');
  const a = u.memmap('uint8', 1048576);
  np.imul(a, 0);
  np.iadd(a, 0x31);
  const q = u.memmap('int64', 4, { offset: 4096 });
  q.set(0, -(2n ** 62n));
  q.set(3, 12345678901234n);
  u.close();
  const out = python(`
import numpy as np
a = np.memmap('/dev/udmabuf0', dtype=np.uint8, mode='r', shape=(1048576))
q = np.memmap('/dev/udmabuf0', dtype=np.int64, mode='r', offset=4096, shape=(4,))
print(int((a[8192:] == 0x31).all()), int(a[:4096].sum()), q[0], q[3])
`);
  assert.is(out, `1 ${0x31 * 4096} ${-(2n ** 62n)} 12345678901234`);
});

test.run();
