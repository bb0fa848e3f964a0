// The npm package as a user gets it: `npm pack`, the tarball's file list, an
// install into a fresh folder with install scripts off (no compiler runs),
// and a consumer program that imports it by name and uses np with the addon.
// test/package/install.sh installs it here into build/package-host/ (the
// boards run the same consumer with Debian's Node 18 from build/package/,
// test/board/package.test.ts, maybe at the same time: test/run's lanes).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

/** The environment a user's shell gives (no test runner's colour settings). */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = `${REPO}build/package-host`;
const CONSUMER = `${DIR}/consumer`;

interface Pack {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

let pack: Pack;

test.before(() => {
  execFileSync('sh', [`${REPO}test/package/install.sh`, DIR], { stdio: ['ignore', 'ignore', 'inherit'] });
  pack = (JSON.parse(readFileSync(`${DIR}/pack.json`, 'utf8')) as Pack[])[0];
  const seconds = readFileSync(`${DIR}/install-seconds`, 'utf8').trim();
  console.log(`# ${pack.filename}: ${pack.size} bytes, ${pack.entryCount} files, installed in ${seconds} s`);
});

test('the tarball holds what a user needs', () => {
  const files = pack.files.map((f) => f.path);
  for (const f of [
    'package.json', 'README.md', 'LICENSE', 'LICENSES/GPL-2.0.txt', 'LICENSES/Linux-syscall-note.txt',
    'LICENSES/MIT.txt', 'CHANGELOG.md', 'binding.gyp', 'dist/lib/index.js', 'dist/lib/index.d.ts',
    'dist/lib/cli/main.js', 'dist/lib/syncmode/index.js', 'dist/native/index.d.ts',
    'prebuilds/linux-x64/node.napi.glibc.node', 'prebuilds/linux-arm64/node.napi.glibc.node',
    'prebuilds/linux-arm/node.napi.armv7.glibc.node', 'native/src/addon.cc', 'native/csrc/engine/iter.c',
    'kernel/dkms.conf', 'kernel/Makefile', 'kernel/Kbuild', 'kernel/u-dma-buf-ioctl.h', 'kernel/core.c',
  ]) {
    assert.ok(files.includes(f), `${f} is missing`);
  }
});

test('the tarball holds no tests, boards, benches, results or build output', () => {
  const bad = pack.files
    .map((f) => f.path)
    .filter((p) => /^(test|vm|bench|build|examples|docs|\.ci|dist\/(test|bench|examples)|native\/build|native\/csrc\/tests|native\/csrc\/engine\/tests|kernel\/tests)\//.test(p) ||
      /\.(map|o|ko|tgz)$/.test(p));
  assert.equal(bad, []);
  // the three prebuilt addons are most of it (x86_64's has each hot loop for
  // SSE2, AVX2 and AVX-512, as numpy's own module has); numpy's wheel is ~16 MB.
  // 2.0 MB until the special-value math runs and the argument checks took it
  // just past that (2.0 MB compressed, ~6.5 MB installed); a stray build
  // directory or test data would still be far over.
  assert.ok(pack.size < 2_400_000, `${pack.size} bytes`);
});

test("the installed package.json keeps bin as written (npm publish would not rewrite it)", () => {
  const pj = JSON.parse(readFileSync(`${CONSUMER}/node_modules/u-dma-buf/package.json`, 'utf8')) as {
    bin: Record<string, string>; os: string[]; files: string[];
  };
  assert.equal(pj.bin, { 'u-dma-buf': 'dist/lib/cli/main.js' });
  assert.equal(pj.os, ['linux']);
});

test('a consumer imports it by name and runs np with the prebuilt addon', () => {
  const r = spawnSync(process.execPath, ['consumer.mjs'], { cwd: CONSUMER, encoding: 'utf8', env: ENV });
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^addon prebuilds\/linux-x64\/node\.napi\.glibc\.node$/m);
  assert.match(r.stdout, /^consumer: ok$/m);
  assert.is(r.stderr, '', 'no warning (np did not fall back to JavaScript)');
});

test('the u-dma-buf program is installed in node_modules/.bin', () => {
  const r = spawnSync(`${CONSUMER}/node_modules/.bin/u-dma-buf`, ['--help'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /usage: u-dma-buf/i);
});

test('CommonJS consumers get ERR_REQUIRE_ESM (the package is ESM-only, as the README says)', () => {
  const r = spawnSync(process.execPath, ['-e', "require('u-dma-buf')"], { cwd: CONSUMER, encoding: 'utf8', env: ENV });
  if (r.status === 0) return; // Node >= 22.12 loads ESM from require()
  assert.match(r.stderr, /ERR_REQUIRE_ESM/);
});

test('its types check with TypeScript 5.7 (the oldest the README names) and @types/node', () => {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { cwd: CONSUMER, encoding: 'utf8', env: ENV });
  assert.is(r.status, 0, r.stdout + r.stderr);
  const v = JSON.parse(readFileSync(`${CONSUMER}/node_modules/typescript/package.json`, 'utf8')) as { version: string };
  assert.is(v.version, '5.7.3');
});

test.run();
