/**
 * The buffer commands: list, info, create, delete, sync. Each returns what
 * it has to say as plain data; main.ts prints it as text or JSON.
 */
import { existsSync, readdirSync } from 'node:fs';

import { ModuleNotLoadedError } from '../errors.js';
import { UdmabufManager } from '../manager.js';
import { CLASS_DIR, parseInteger, readAttribute } from '../sysfs.js';
import { type SyncDirection, Udmabuf } from '../udmabuf.js';
import { parseSize } from './size.js';
import { UsageError } from './usage.js';

/** A buffer's readable attributes, numbers parsed. */
export interface BufferInfo {
  name: string;
  device: string;
  size: number;
  phys_addr: number;
  sync_mode: number;
  sync_offset: number;
  sync_size: number;
  sync_direction: number;
  sync_owner: number;
  dma_coherent: number;
  driver_version: string;
}

const NUMERIC = ['size', 'sync_mode', 'sync_offset', 'sync_size', 'sync_direction', 'sync_owner', 'dma_coherent'] as const;

/** Every readable attribute of `name`. */
export function info(name: string): BufferInfo {
  const path = `${CLASS_DIR}/${name}`;
  const values = Object.fromEntries(NUMERIC.map((a) => [a, parseInteger(readAttribute(path, a), 10, a)]));
  return {
    name,
    device: `/dev/${name}`,
    ...(values as Record<(typeof NUMERIC)[number], number>),
    phys_addr: parseInteger(readAttribute(path, 'phys_addr'), 16, 'phys_addr'),
    driver_version: readAttribute(path, 'driver_version'),
  };
}

/** Every buffer, by name. */
export function list(): BufferInfo[] {
  if (!existsSync(CLASS_DIR)) throw new ModuleNotLoadedError(CLASS_DIR);
  return readdirSync(CLASS_DIR).sort().map(info);
}

/** The options of `create`, as typed. */
export interface CreateArgs {
  parent?: string;
  bus?: string;
  dmaMask?: string;
  pageMode: boolean;
}

export function create(name: string, size: string, opts: CreateArgs = { pageMode: false }): BufferInfo {
  if (opts.bus !== undefined && opts.bus !== 'platform' && opts.bus !== 'pci') {
    throw new UsageError(`--bus ${opts.bus}: use platform or pci`);
  }
  if (opts.bus !== undefined && opts.parent === undefined) throw new UsageError('--bus needs --parent DEVICE');
  let dmaMask: number | undefined;
  if (opts.dmaMask !== undefined) {
    dmaMask = Number(opts.dmaMask);
    if (!/^\d+$/.test(opts.dmaMask) || dmaMask < 12 || dmaMask > 64) {
      throw new UsageError(`--dma-mask ${opts.dmaMask}: give the number of address bits, 12 to 64`);
    }
  }
  if (!/^[\w.:-]+$/.test(name)) throw new UsageError(`NAME '${name}': use letters, digits and . _ : -`);
  const bytes = parseSize(size, 'SIZE');
  UdmabufManager.create(name, bytes, {
    device: opts.parent, bus: opts.bus as 'platform' | 'pci' | undefined, dmaMask, quirkMmapPage: opts.pageMode,
  });
  return info(name);
}

export function remove(name: string): { name: string; deleted: true } {
  UdmabufManager.delete(name);
  return { name, deleted: true };
}

const DIRECTIONS: Record<string, SyncDirection> = {
  '0': 0, bidirectional: 0, '1': 1, 'to-device': 1, '2': 2, 'from-device': 2,
};

/** The options of `sync`, as typed. */
export interface SyncArgs {
  forCpu: boolean;
  forDevice: boolean;
  offset?: string;
  size?: string;
  direction?: string;
}

/** What a sync did. */
export interface SyncDone {
  name: string;
  for: 'cpu' | 'device';
  offset: number;
  size: number;
  direction: SyncDirection;
  /** True when the stored sync area was used (no range given). */
  stored_area: boolean;
}

export function sync(name: string, args: SyncArgs): SyncDone {
  if (args.forCpu === args.forDevice) throw new UsageError('sync needs exactly one of --for-cpu and --for-device');
  const direction = args.direction === undefined ? undefined : DIRECTIONS[args.direction];
  if (args.direction !== undefined && direction === undefined) {
    throw new UsageError(`--direction '${args.direction}' must be bidirectional, to-device, from-device or 0, 1, 2`);
  }
  // the command line first: a wrong one is a usage error with or without the driver
  const givenOffset = args.offset === undefined ? undefined : parseSize(args.offset, '--offset');
  const givenSize = args.size === undefined ? undefined : parseSize(args.size, '--size');
  const u = new Udmabuf(name);
  try {
    u.set_sync_area(); // read the stored sync area: the defaults below
    const stored = givenOffset === undefined && givenSize === undefined && direction === undefined;
    const offset = givenOffset ?? (stored ? u.sync_offset ?? 0 : 0);
    const size = givenSize ?? (stored ? u.sync_size ?? 0 : u.buf_size - offset);
    const dir = (direction ?? u.sync_direction ?? 0) as SyncDirection;
    const range = stored ? undefined : { offset, size, direction: dir };
    if (args.forCpu) u.sync_for_cpu(range);
    else u.sync_for_device(range);
    return { name, for: args.forCpu ? 'cpu' : 'device', offset, size, direction: dir, stored_area: stored };
  } finally {
    u.close();
  }
}
