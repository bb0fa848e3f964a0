// The u-dma-buf command on a machine without the driver: usage errors exit
// with 2 and point at --help, a missing module exits with 1 and says how to
// load it (in text and in --json), and sizes parse as users type them.
import { existsSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { main } from '../../lib/cli/main.js';
import { parseSize } from '../../lib/cli/size.js';

function cli(...args: string[]): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = main(args, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { status, out, err };
}

test('no command, an unknown command or option: status 2 and a pointer to --help', () => {
  for (const args of [[], ['frobnicate'], ['list', '--frobnicate'], ['info'], ['create', 'x']]) {
    const r = cli(...args);
    assert.is(r.status, 2, args.join(' '));
    assert.match(r.err, /see 'u-dma-buf --help'/);
    assert.is(r.out, '');
  }
});

test('create\'s options are refused elsewhere and checked before the driver is asked', () => {
  for (const [args, msg] of [
    [['list', '--page-mode'], /--page-mode is an option of create/],
    [['info', 'udmabuf0', '--parent', 'x'], /--parent is an option of create/],
    [['create', 'x', '4096', '--bus', 'usb', '--parent', 'a'], /--bus usb: use platform or pci/],
    [['create', 'x', '4096', '--bus', 'pci'], /--bus needs --parent/],
    [['create', 'x', '4096', '--dma-mask', '8'], /--dma-mask 8: give the number of address bits, 12 to 64/],
    [['create', 'x', '4096', '--device', 'y'], /create takes --parent DEVICE/],
  ] as const) {
    const r = cli(...args);
    assert.is(r.status, 2, args.join(' '));
    assert.match(r.err, msg);
  }
});

test('--help lists every command and the exit statuses', () => {
  const r = cli('--help');
  assert.is(r.status, 0);
  for (const c of ['list', 'info NAME', 'create NAME SIZE', 'delete NAME', 'sync NAME', 'bench', '--json', 'exit status']) {
    assert.ok(r.out.includes(c), c);
  }
});

test('without the driver: status 1 and how to load it, in text and JSON', () => {
  if (existsSync('/sys/class/u-dma-buf')) return; // a host with the driver loaded
  const r = cli('list');
  assert.is(r.status, 1);
  assert.match(r.err, /kernel module is not loaded; load it first/);
  const j = cli('list', '--json');
  assert.is(j.status, 1);
  assert.equal(Object.keys(JSON.parse(j.out).error), ['code', 'message']);
  assert.is(JSON.parse(j.out).error.code, 'ENOMODULE');
});

test('bad sync options are usage errors before anything is opened', () => {
  assert.match(cli('sync', 'udmabuf0').err, /exactly one of --for-cpu and --for-device/);
  assert.is(cli('sync', 'udmabuf0', '--for-cpu', '--direction', 'up').status, 2);
  assert.is(cli('bench', '--modes', '8').status, 2);
  assert.is(cli('bench', '--impl', 'rust').status, 2);
  assert.is(cli('bench', '--sizes', '0').status, 2);
  assert.match(cli('bench', '--repeat', '0').err, /--repeat '0' must be a whole number/);
});

test('sizes: decimal, hex and K/M/G suffixes; anything else is refused', () => {
  assert.is(parseSize('4096', 'SIZE'), 4096);
  assert.is(parseSize('0x100000', 'SIZE'), 1 << 20);
  assert.is(parseSize('64K', 'SIZE'), 65536);
  assert.is(parseSize('10MiB', 'SIZE'), 10 << 20);
  assert.is(parseSize('1m', 'SIZE'), 1 << 20);
  assert.is(parseSize('2G', 'SIZE'), 2 ** 31);
  assert.is(parseSize('512B', 'SIZE'), 512);
  for (const bad of ['', '1.5M', '-1', '1T', 'M', '0x', '12 apples', '1iB']) {
    assert.throws(() => parseSize(bad, 'SIZE'), /is not a byte count/, bad);
  }
});


test('--version prints the package version', () => {
  const r = cli('--version');
  assert.is(r.status, 0);
  assert.match(r.out, /^u-dma-buf \d+\.\d+\.\d+\n$/);
});

test("COMMAND --help (and help COMMAND) print that command's usage only", () => {
  for (const c of ['list', 'info', 'create', 'delete', 'sync', 'bench']) {
    for (const r of [cli(c, '--help'), cli('help', c)]) {
      assert.is(r.status, 0, c);
      assert.match(r.out, new RegExp(`^usage: u-dma-buf ${c}\\b`), c);
      assert.not.match(r.out, /^commands:/m, c);
    }
  }
  assert.match(cli('create', '--help').out, /--page-mode/);
});

test('messages speak to command-line users: no JavaScript names, no repository targets', () => {
  const texts = [cli('list').err, cli('info', 'nothere').err, cli('sync', 'nothere', '--for-cpu').err];
  for (const t of texts) {
    assert.not.match(t, /UdmabufManager|\w+\(\)|make (load|install-udev)|this repository/, t);
  }
  if (!existsSync('/sys/class/u-dma-buf')) assert.match(texts[0], /sudo modprobe u-dma-buf/);
});

test('usage errors come first, with or without the driver', () => {
  for (const [args, msg] of [
    [['sync', 'x', '--for-cpu', '--offset', 'lots'], /--offset/],
    [['sync', 'x', '--for-cpu', '--size', '-1'], /--size/],
    [['create', 'a b', '4096'], /NAME 'a b'/],
    [['create', 'x', 'huge'], /SIZE/],
  ] as const) {
    const r = cli(...args);
    assert.is(r.status, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, msg);
  }
});

test.run();
