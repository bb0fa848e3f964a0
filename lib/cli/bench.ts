/**
 * `u-dma-buf bench`: the original's sync_mode tables on this machine, with
 * progress on stderr and the results written next to the printed tables.
 */
import { type Impl, type Progress, type SyncModeResults, markdownReport, runSyncModeBench, sizeLabel, writeResults } from '../syncmode/index.js';
import { parseSize } from './size.js';
import { UsageError } from './usage.js';

/** The options of `bench`, as typed. */
export interface BenchArgs {
  sizes?: string;
  device?: string;
  out?: string;
  impl?: string;
  modes?: string;
  repeat?: string;
  emulated?: boolean;
  /** Where progress lines go (stderr), or nowhere. */
  progress?: (line: string) => void;
}

function parseModes(text: string): number[] {
  const modes = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^([0-7])(?:-([0-7]))?$/.exec(part.trim());
    if (!m) throw new UsageError(`--modes '${text}' must list sync_modes 0-7, e.g. 0-7 or 0,1,5`);
    for (let i = Number(m[1]); i <= Number(m[2] ?? m[1]); i++) modes.add(i);
  }
  return [...modes].sort((a, b) => a - b);
}

function parseImpls(text: string): Impl[] {
  const impls = text.split(',').map((s) => s.trim());
  if (!impls.every((i): i is Impl => i === 'c' || i === 'ts')) {
    throw new UsageError(`--impl '${text}' must be c, ts or c,ts`);
  }
  return impls;
}

function parseRepeat(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--repeat '${text}' must be a whole number from 1 to 100`);
  return n;
}

function progressLine(p: Progress): string {
  if (p.sync_mode < 0) return `[${p.total}/${p.total}] done`;
  return `[${p.done + 1}/${p.total}] ${sizeLabel(p.size)} sync_mode ${p.sync_mode} ` +
    `O_SYNC ${p.o_sync ? 'on' : 'off'}`;
}

/** Run the bench; returns the results and the files written. */
export function bench(args: BenchArgs): { results: SyncModeResults; files: string[]; report: string } {
  const sizes = (args.sizes ?? '1M,5M,10M').split(',').map((s) => parseSize(s, '--sizes'));
  if (sizes.some((s) => s <= 0)) throw new UsageError('--sizes must be above 0');
  const results = runSyncModeBench({
    sizes,
    device: args.device,
    modes: args.modes === undefined ? undefined : parseModes(args.modes),
    impls: args.impl === undefined ? undefined : parseImpls(args.impl),
    emulated: args.emulated ? true : undefined,
    repeat: parseRepeat(args.repeat ?? '1'),
    onProgress: args.progress && ((p) => args.progress?.(progressLine(p))),
  });
  const files = writeResults(results, args.out ?? '.');
  return { results, files, report: markdownReport(results) };
}
