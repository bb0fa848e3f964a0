/**
 * "Which sync_mode should I use?": one buffer mapped under every sync_mode,
 * without and with O_SYNC, timing what a driver program does each round:
 * the CPU writes a block for the device (then hands it over with
 * sync_for_device), and reads a block the device wrote (after
 * sync_for_cpu). A cached mapping needs both syncs; a non-cached one makes
 * them cheap but every access slow; write-combine speeds up writes only.
 */
import { Udmabuf, np } from 'u-dma-buf';

/** How the driver maps each sync_mode, without and with O_SYNC (kernel/dev.c). */
const MAPPING = [
  ['cached', 'cached'],
  ['cached', 'non-cached'],
  ['cached', 'write-combine'],
  ['cached', 'DMA-coherent'],
  ['cached', 'cached'],
  ['non-cached', 'non-cached'],
  ['write-combine', 'write-combine'],
  ['DMA-coherent', 'DMA-coherent'],
] as const;

/** The caching a mapping gets on this architecture (x86: always cached). */
export function mappingOf(syncMode: number, oSync: boolean, arch = process.arch): string {
  if (arch === 'x64' || arch === 'ia32') return 'cached';
  const m = MAPPING[syncMode][oSync ? 1 : 0];
  return m === 'DMA-coherent' && arch !== 'arm' ? 'write-combine' : m;
}

/** One mode's times (median of the rounds), in milliseconds. */
export interface ModeTimes {
  sync_mode: number;
  o_sync: boolean;
  mapping: string;
  /** np.copyto into the buffer, then sync_for_device. */
  writeMs: number;
  /** sync_for_cpu, then np.sum over the buffer. */
  readMs: number;
  /** The sum read back equals the one written (the data survived the mode). */
  intact: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function ms(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Time every mode on `name` over its first `bytes` bytes; the buffer's sync_mode is put back. */
export function compareSyncModes(name: string, bytes: number, rounds = 3): ModeTimes[] {
  const owner = new Udmabuf(name);
  const saved = owner.sync_mode;
  const source = np.arange(0, bytes / 4, 1, 'uint32');
  const expected = np.sum(source);
  const rows: ModeTimes[] = [];
  const scratch = np.zeros(bytes / 4, 'uint32'); // compile the loops before timing
  for (let i = 0; i < 3; i++) np.sum(np.copyto(scratch, source));
  try {
    for (let mode = 0; mode < 8; mode++) {
      for (const oSync of [false, true]) {
        owner.sync_mode = mode;
        const u = new Udmabuf(name);
        try {
          const a = u.memmap('uint32', bytes / 4, { sync: oSync });
          const writes: number[] = [];
          const reads: number[] = [];
          let intact = true;
          for (let r = 0; r < rounds; r++) {
            writes.push(ms(() => {
              np.copyto(a, source);
              u.sync_for_device({ offset: 0, size: bytes, direction: 1 });
            }));
            let sum: np.Scalar = 0;
            reads.push(ms(() => {
              u.sync_for_cpu({ offset: 0, size: bytes, direction: 2 });
              sum = np.sum(a);
            }));
            intact &&= sum === expected;
          }
          rows.push({ sync_mode: mode, o_sync: oSync, mapping: mappingOf(mode, oSync), writeMs: median(writes), readMs: median(reads), intact });
        } finally {
          u.close();
        }
      }
    }
  } finally {
    owner.sync_mode = saved;
    owner.close();
  }
  return rows;
}
