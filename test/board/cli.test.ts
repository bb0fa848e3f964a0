// The u-dma-buf command against the real driver, in a board booted with
// udmabuf0=1048576: every command, its text and --json output, and the
// exit status and message of each refusal (with the buffer left as it was).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { Udmabuf } from 'u-dma-buf';

import { main } from '../../lib/cli/main.js';

const CLI = new URL('../../lib/cli/main.js', import.meta.url).pathname;
const CLASS = '/sys/class/u-dma-buf';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command in this process (a node start costs seconds on a board). */
function cli(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const status = main(args, { out: (t) => { stdout += t + '\n'; }, err: (t) => { stderr += t + '\n'; } });
  return { status, stdout, stderr };
}

/** The command as a program, as a shell runs it. */
function program(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('as a program: the exit status is 0, 1 or 2 as documented', () => {
  const ok = program('info', 'udmabuf0');
  assert.is(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^size +1048576$/m);
  const refused = program('delete', 'no-such-buffer');
  assert.is(refused.status, 1);
  assert.match(refused.stderr, /^u-dma-buf: no u-dma-buf named 'no-such-buffer'/);
  const usage = program('frobnicate');
  assert.is(usage.status, 2);
  assert.match(usage.stderr, /unknown command 'frobnicate'/);
});

function json<T>(...args: string[]): T {
  const r = cli(...args, '--json');
  assert.is(r.status, 0, r.stdout + r.stderr);
  return JSON.parse(r.stdout) as T;
}

function attr(name: string, a: string): string {
  return readFileSync(`${CLASS}/${name}/${a}`, 'latin1').trim();
}

test('list shows udmabuf0 with its size and physical address', () => {
  const r = cli('list');
  assert.is(r.status, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => l.startsWith('udmabuf0 '));
  assert.ok(line, r.stdout);
  assert.match(line, /\b1048576\b/);
  assert.ok(line.includes(attr('udmabuf0', 'phys_addr')), line);
});

test('list --json and info --json hold the sysfs values', () => {
  const all = json<{ name: string; size: number }[]>('list');
  assert.ok(all.some((b) => b.name === 'udmabuf0' && b.size === 1048576));
  const b = json<Record<string, number | string>>('info', 'udmabuf0');
  assert.is(b.phys_addr, attr('udmabuf0', 'phys_addr'), 'hex, as the text shows it');
  assert.is(b.sync_mode, Number(attr('udmabuf0', 'sync_mode')));
  assert.is(b.dma_coherent, Number(attr('udmabuf0', 'dma_coherent')));
  assert.is(b.driver_version, attr('udmabuf0', 'driver_version'));
  assert.is(b.device, '/dev/udmabuf0');
});

test('info of a missing buffer fails with status 1 and says how to make one', () => {
  const r = cli('info', 'no-such-buffer');
  assert.is(r.status, 1);
  assert.match(r.stderr, /no u-dma-buf named 'no-such-buffer'/);
  assert.match(r.stderr, /create/);
  const j = cli('info', 'no-such-buffer', '--json');
  assert.is(j.status, 1);
  assert.is(JSON.parse(j.stdout).error.code, 'ENOBUF');
});

test('create with a size suffix, refuse a second create, delete', () => {
  const made = json<{ size: number; device: string }>('create', 'cli-test', '64K');
  assert.is(made.size, 65536);
  assert.ok(existsSync('/dev/cli-test'));
  const again = cli('create', 'cli-test', '128K');
  assert.is(again.status, 1);
  assert.match(again.stderr, /already exists/);
  assert.is(attr('cli-test', 'size'), '65536', 'the refused create changed nothing');
  const del = cli('delete', 'cli-test');
  assert.is(del.status, 0, del.stderr);
  assert.match(del.stdout, /deleted cli-test/);
  assert.not.ok(existsSync(`${CLASS}/cli-test`));
  const gone = cli('delete', 'cli-test');
  assert.is(gone.status, 1);
  assert.match(gone.stderr, /no u-dma-buf named 'cli-test'/);
});

test('delete of a mapped buffer is refused and its data kept', () => {
  json('create', 'cli-busy', '4096');
  const u = new Udmabuf('cli-busy');
  const a = u.memmap('uint8', 4096);
  a.set(7, 0x5a);
  const r = cli('delete', 'cli-busy');
  assert.is(r.status, 1);
  assert.match(r.stderr, /open or mapped/);
  assert.is(a.get(7), 0x5a);
  u.close();
  assert.is(cli('delete', 'cli-busy').status, 0);
});

test('a size the kernel cannot allocate fails with status 1 and advice', () => {
  const r = cli('create', 'cli-huge', '1G');
  assert.is(r.status, 1);
  assert.match(r.stderr, /cannot allocate 1073741824 bytes/);
  assert.match(r.stderr, /cma=/);
  assert.not.ok(existsSync('/dev/cli-huge'));
});

test('sync hands a range to the device and the stored area back to the CPU', () => {
  const d = json<{ for: string; offset: number; size: number; direction: number }>(
    'sync', 'udmabuf0', '--for-device', '--offset', '4096', '--size', '8K', '--direction', 'to-device');
  assert.equal(d, { name: 'udmabuf0', for: 'device', offset: 4096, size: 8192, direction: 1, stored_area: false });
  assert.is(attr('udmabuf0', 'sync_owner'), '1');
  const c = cli('sync', 'udmabuf0', '--for-cpu');
  assert.is(c.status, 0, c.stderr);
  assert.match(c.stdout, /synced for cpu.*stored sync area/);
  assert.is(attr('udmabuf0', 'sync_owner'), '0');
});

test('sync refuses bad ranges (status 1) and bad command lines (status 2)', () => {
  const outside = cli('sync', 'udmabuf0', '--for-cpu', '--offset', '1M', '--size', '1');
  assert.is(outside.status, 1);
  assert.match(outside.stderr, /outside the 1048576-byte buffer/);
  const both = cli('sync', 'udmabuf0', '--for-cpu', '--for-device');
  assert.is(both.status, 2);
  assert.match(both.stderr, /exactly one of --for-cpu and --for-device/);
  const dir = cli('sync', 'udmabuf0', '--for-cpu', '--direction', 'sideways');
  assert.is(dir.status, 2);
  assert.match(dir.stderr, /--direction 'sideways'/);
  const opt = cli('sync', 'udmabuf0', '--for-cpu', '--bogus');
  assert.is(opt.status, 2);
  assert.match(opt.stderr, /--bogus/);
});

test('bench on an existing buffer: JSON results, files written, sync_mode put back', () => {
  const before = attr('udmabuf0', 'sync_mode');
  const out = '/tmp/cli-bench';
  const r = json<{ measurements: { errors: number; sync_mode: number }[]; sizes: { available: boolean }[] }>(
    'bench', '--device', 'udmabuf0', '--sizes', '64K,2M', '--modes', '0,5', '--impl', 'c', '--out', out);
  assert.is(r.measurements.length, 2 * 2 * 2, 'modes 0 and 5, O_SYNC off/on, check_buf and clear_buf');
  assert.ok(r.measurements.every((m) => m.errors === 0));
  assert.equal(r.sizes.map((s) => s.available), [true, false], '2M does not fit udmabuf0');
  assert.is(attr('udmabuf0', 'sync_mode'), before);
  const arch = JSON.parse(readFileSync(`${out}/${JSON.parse(JSON.stringify(r)).machine.arch}.json`, 'utf8'));
  assert.is(arch.measurements.length, 8);
});

test.run();
