// The addon's malloc tuning (native/src/engine.cc): large results come back
// from memory already faulted in, not from fresh mappings. Counted as minor
// page faults over a loop of 40 MiB results (a cast of 10 MiB of uint8 to
// int32, past glibc's largest mmap threshold), in a child process each time
// so that the environment variable decides: the tuning on (default) and
// off (UDMABUF_MALLOC_TUNING=0, glibc's defaults), which shows the count
// sees fresh mappings. Each result is freed before the next is made (a
// full collection after each, the sweeping done in it: --expose-gc
// --no-concurrent-array-buffer-sweeping), so that what is measured is
// malloc's, not when V8 gets to free: left to itself on a loaded machine
// (the boards' QEMUs running) V8 kept enough dead results through its
// incremental marking that the heap grew and was trimmed (~600 faults
// against 3-6 on a quiet one).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

const LIB = fileURLToPath(new URL('../../lib/index.js', import.meta.url));

const CHILD = `
import { np } from ${JSON.stringify(LIB)};
const a = np.zeros([10 << 20], 'uint8');
for (let i = 0; i < 5; i++) { np.astype(a, 'int32'); gc(); }
const f0 = process.resourceUsage().minorPageFault;
for (let i = 0; i < 30; i++) { np.astype(a, 'int32'); gc(); }
process.stdout.write(String(process.resourceUsage().minorPageFault - f0));
`;

function faults(tuning: string | undefined): number {
  const env = { ...process.env };
  if (tuning === undefined) delete env.UDMABUF_MALLOC_TUNING;
  else env.UDMABUF_MALLOC_TUNING = tuning;
  const r = spawnSync(process.execPath, ['--expose-gc', '--no-concurrent-array-buffer-sweeping', '--input-type=module', '-e', CHILD], { env, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  return Number(r.stdout.trim());
}

const glibc64 = process.platform === 'linux' && process.arch === 'x64';

test('40 MiB results reuse freed memory: no page faults once warm (glibc, 64-bit)', () => {
  if (!glibc64) return;
  const off = faults('0');
  const on = faults(undefined);
  // off: each result is a fresh mapping (>= 20 faults per result with huge pages, 10240 without)
  assert.ok(off >= 300, `UDMABUF_MALLOC_TUNING=0: ${off} page faults over 30 results; expected fresh mappings`);
  console.log(`# page faults: ${on} (tuning off: ${off})`);
  assert.ok(on <= 200 && on * 10 <= off, `${on} page faults over 30 results of 40 MiB (tuning off: ${off}); expected the freed blocks reused`);
});

test.run();
