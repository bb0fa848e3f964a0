/**
 * The CLI's help text and its usage error (exit status 2).
 */

/** A command line the CLI cannot act on. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit statuses, for scripts. */
export const EXIT = {
  ok: 0,
  /** The driver or the system refused (message says why and what to do). */
  failed: 1,
  /** The command line is wrong. */
  usage: 2,
} as const;

export const HELP = `usage: u-dma-buf <command> [options]

commands:
  list                       every buffer with its main attributes
  info NAME                  every attribute of one buffer
  create NAME SIZE [--parent DEVICE [--bus platform|pci]] [--dma-mask BITS] [--page-mode]
                             a new buffer through /dev/u-dma-buf-mgr (root); SIZE like 1M, 0x100000;
                             --parent allocates for that device (phys_addr is its address, e.g.
                             --bus pci --parent 0000:01:00.0); --page-mode lets O_DIRECT use it
  delete NAME                delete a buffer made by create or a module parameter
  sync NAME --for-cpu|--for-device [--offset N] [--size N] [--direction D]
                             hand the buffer (default: its stored sync area) to the CPU or device;
                             D is bidirectional|to-device|from-device or 0|1|2
  bench [--sizes 1M,5M,10M] [--device NAME] [--out DIR] [--impl c,ts] [--modes 0-7]
        [--repeat N] [--emulated]
                             the original's check_buf/clear_buf sync_mode tables on this machine
                             (median of N calls per cell; files go to DIR, default bench/results)

options:
  --json                     print JSON (errors too) for scripts
  -h, --help                 this text

exit status: 0 done, 1 the driver or system refused (the message says what to do), 2 bad command line
UDMABUF_DEBUG=1 also prints the stack of an unexpected error.`;
