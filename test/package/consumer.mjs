// A user's program: it imports the installed package by name, as an npm user
// would, and uses np with the addon. Prints TAP-free lines; exits 1 on a mismatch.
//   node consumer.mjs [--device udmabuf0]
// With --device, it also maps that u-dma-buf buffer (a board with the driver).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { Udmabuf, np } from 'u-dma-buf';

const require = createRequire(import.meta.url);
const fail = (msg) => {
  console.error(`consumer: ${msg}`);
  process.exit(1);
};

// The addon node-gyp-build picks: a prebuild, never a compiled one.
const pkg = dirname(require.resolve('u-dma-buf/package.json'));
const addon = require('node-gyp-build').resolve(pkg);
if (!addon.includes('/prebuilds/')) fail(`the addon is not a prebuild: ${addon}`);
console.log(`addon ${addon.slice(pkg.length + 1)}`);

const dir = mkdtempSync(join(tmpdir(), 'u-dma-buf-consumer-'));
try {
  const n = 4096; // above NATIVE_MIN_ELEMENTS: the addon's kernels run
  const file = join(dir, 'a.bin');
  writeFileSync(file, Buffer.alloc(n * 4));
  const a = np.memmap(file, { dtype: 'float32', mode: 'r+', shape: [n] });
  const r = np.add(np.arange(0, n, 1, 'float32'), 1);
  np.add(a, r, a);
  const back = new Float32Array(readFileSync(file).buffer.slice(0));
  if (back[0] !== 1 || back[n - 1] !== n) fail(`memmap + add wrote ${back[0]}, ${back[n - 1]}`);
  console.log(`np.memmap + np.add: sum ${np.sum(a)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const i = process.argv.indexOf('--device');
if (i > 0) {
  const name = process.argv[i + 1];
  const u = new Udmabuf(name);
  const b = u.memmap('uint32', 1024);
  np.add(np.arange(0, 1024, 1, 'uint32'), 7, b);
  if (b.get(1023) !== 1030) fail(`the buffer holds ${b.get(1023)}`);
  console.log(`${name}: size ${u.buf_size} phys_addr 0x${u.phys_addr.toString(16)}`);
  u.close();
}
console.log('consumer: ok');
