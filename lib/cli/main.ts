#!/usr/bin/env node
/**
 * The `u-dma-buf` command: list, inspect, create, delete and sync buffers,
 * and run the sync_mode bench. `--json` prints machine-readable output.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { UdmabufError } from '../errors.js';
import { bench } from './bench.js';
import { type BufferInfo, create, info, list, remove, sync } from './buffers.js';
import { COMMAND_HELP, EXIT, HELP, UsageError } from './usage.js';

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'for-cpu': { type: 'boolean' },
  'for-device': { type: 'boolean' },
  offset: { type: 'string' },
  size: { type: 'string' },
  direction: { type: 'string' },
  sizes: { type: 'string' },
  device: { type: 'string' },
  out: { type: 'string' },
  impl: { type: 'string' },
  modes: { type: 'string' },
  repeat: { type: 'string' },
  emulated: { type: 'boolean' },
  parent: { type: 'string' },
  bus: { type: 'string' },
  'dma-mask': { type: 'string' },
  'page-mode': { type: 'boolean' },
} as const;

/** Options only `create` takes: given to another command they are an error, not ignored. */
const CREATE_ONLY = ['parent', 'bus', 'dma-mask', 'page-mode'] as const;

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const STD_IO: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
};

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** The package's version (package.json, three levels above dist/lib/cli). */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** A buffer as --json prints it: phys_addr in hex, as the text does. */
function jsonBuffer<T extends { phys_addr: number }>(b: T): Omit<T, 'phys_addr'> & { phys_addr: string } {
  return { ...b, phys_addr: hex(b.phys_addr) };
}

function listText(buffers: BufferInfo[]): string {
  if (buffers.length === 0) return 'no u-dma-buf buffers (make one: u-dma-buf create NAME SIZE)';
  const rows = [['NAME', 'SIZE', 'PHYS_ADDR', 'SYNC_MODE', 'COHERENT', 'OWNER'],
    ...buffers.map((b) => [b.name, String(b.size), hex(b.phys_addr), String(b.sync_mode),
      b.dma_coherent ? 'yes' : 'no', b.sync_owner ? 'device' : 'cpu'])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

function infoText(b: BufferInfo): string {
  return Object.entries(b).map(([k, v]) => `${k.padEnd(15)} ${k === 'phys_addr' ? hex(v as number) : v}`).join('\n');
}

function args(positionals: string[], count: number, names: string): string[] {
  if (positionals.length !== count) throw new UsageError(`expected ${names}, got '${positionals.join(' ')}'`);
  return positionals;
}

/** Run one command line; returns the exit status. */
export function main(argv: string[], io: Io = STD_IO): number {
  let json = argv.includes('--json');
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    json = values.json ?? false;
    const [command, ...rest] = positionals;
    if (values.version) {
      io.out(json ? JSON.stringify({ version: version() }) : `u-dma-buf ${version()}`);
      return EXIT.ok;
    }
    if (command === 'help' && rest.length === 1 && COMMAND_HELP[rest[0]]) {
      io.out(COMMAND_HELP[rest[0]]);
      return EXIT.ok;
    }
    if (values.help || command === 'help') {
      io.out(command && COMMAND_HELP[command] ? COMMAND_HELP[command] : HELP);
      return EXIT.ok;
    }
    const print = (data: unknown, text: string) => io.out(json ? JSON.stringify(data, null, 1) : text);
    const misplaced = CREATE_ONLY.find((o) => values[o] !== undefined);
    if (misplaced && command !== 'create') throw new UsageError(`--${misplaced} is an option of create, not of ${command ?? 'no command'}`);
    switch (command) {
      case 'list': {
        args(rest, 0, 'no arguments');
        const buffers = list();
        print(buffers.map(jsonBuffer), listText(buffers));
        break;
      }
      case 'info': {
        const b = info(args(rest, 1, 'NAME')[0]);
        print(jsonBuffer(b), infoText(b));
        break;
      }
      case 'create': {
        const [name, size] = args(rest, 2, 'NAME SIZE');
        if (values.device !== undefined) throw new UsageError('create takes --parent DEVICE (the device to allocate for), not --device');
        const b = create(name, size, {
          parent: values.parent, bus: values.bus, dmaMask: values['dma-mask'], pageMode: values['page-mode'] ?? false,
        });
        print(jsonBuffer(b), `created ${b.device}: ${b.size} bytes at ${hex(b.phys_addr)}`);
        break;
      }
      case 'delete': {
        const done = remove(args(rest, 1, 'NAME')[0]);
        print(done, `deleted ${done.name}`);
        break;
      }
      case 'sync': {
        const done = sync(args(rest, 1, 'NAME')[0], {
          forCpu: values['for-cpu'] ?? false, forDevice: values['for-device'] ?? false,
          offset: values.offset, size: values.size, direction: values.direction,
        });
        print(done, `${done.name}: synced for ${done.for}, offset ${done.offset} size ${done.size} ` +
          `direction ${done.direction}${done.stored_area ? ' (stored sync area)' : ''}`);
        break;
      }
      case 'bench': {
        args(rest, 0, 'no arguments');
        const r = bench({ ...values, progress: (line) => io.err(line) });
        print(r.results, `${r.report}\nwritten: ${r.files.join(', ')}`);
        break;
      }
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
    return EXIT.ok;
  } catch (err) {
    return report(err, json, io);
  }
}

function report(err: unknown, json: boolean, io: Io): number {
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = err instanceof Error ? err.message : String(err);
  const code = usage ? 'EUSAGE' : (err as { code?: string }).code ?? 'EFAIL';
  if (json) io.out(JSON.stringify({ error: { code, message } }));
  else io.err(`u-dma-buf: ${message}${usage ? "\n(see 'u-dma-buf --help')" : ''}`);
  // an error this package did not expect: its stack helps a bug report
  if (process.env.UDMABUF_DEBUG && !usage && !(err instanceof UdmabufError)) io.err(String((err as Error).stack));
  return usage ? EXIT.usage : EXIT.failed;
}

// Run when started as a program (also through npm's bin symlink).
const self = fileURLToPath(import.meta.url);
if (process.argv[1] && realpathSync(process.argv[1]) === self) {
  process.exitCode = main(process.argv.slice(2));
}
