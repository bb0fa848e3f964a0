// The npm package installed on the host by test/package/install.sh (the
// tarball, install scripts off: no compiler), run in the board with its own
// Node (Debian's 18 on ARM) from the same node_modules: the prebuilt addon for
// this architecture loads, np uses it, and Udmabuf maps the real udmabuf0.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

/** The environment a user's shell gives (no test runner's colour settings). */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));

const CONSUMER = fileURLToPath(new URL('../../../build/package/consumer', import.meta.url));
const PREBUILD: Record<string, string> = {
  x64: 'prebuilds/linux-x64/node.napi.glibc.node',
  arm64: 'prebuilds/linux-arm64/node.napi.glibc.node',
  arm: 'prebuilds/linux-arm/node.napi.armv7.glibc.node',
};

test('the installed package runs in the board with the prebuilt addon and the driver', () => {
  assert.ok(existsSync(`${CONSUMER}/node_modules/u-dma-buf`), `${CONSUMER}: run 'sh test/package/install.sh' on the host`);
  const r = spawnSync(process.execPath, ['consumer.mjs', '--device', 'udmabuf0'], { cwd: CONSUMER, encoding: 'utf8', env: ENV });
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes(`addon ${PREBUILD[process.arch]}\n`), r.stdout);
  assert.match(r.stdout, /^udmabuf0: size 1048576 phys_addr 0x[0-9a-f]+$/m);
  assert.match(r.stdout, /^consumer: ok$/m);
  assert.is(r.stderr, '');
});

test.run();
