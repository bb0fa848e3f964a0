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
                             (median of N calls per cell; files go to DIR, default .)

options:
  --json                     print JSON (errors too) for scripts
  -h, --help                 this text; u-dma-buf COMMAND --help: that command's
  --version                  the package's version

exit status: 0 done, 1 the driver or system refused (the message says what to do), 2 bad command line
UDMABUF_DEBUG=1 also prints the stack of an unexpected error.`;


/** Each command's usage, for `u-dma-buf COMMAND --help`. */
export const COMMAND_HELP: Record<string, string> = {
  list: `usage: u-dma-buf list [--json]
  every buffer with its main attributes: NAME SIZE PHYS_ADDR SYNC_MODE COHERENT OWNER`,
  info: `usage: u-dma-buf info NAME [--json]
  every attribute of one buffer (sysfs /sys/class/u-dma-buf/NAME/)`,
  create: `usage: u-dma-buf create NAME SIZE [--parent DEVICE [--bus platform|pci]] [--dma-mask BITS] [--page-mode] [--json]
  a new buffer through /dev/u-dma-buf-mgr (root)
  SIZE              bytes: 4096, 0x1000, 64K, 4M, 10MiB
  --parent DEVICE   allocate for that device: phys_addr is its DMA address (e.g. --bus pci --parent 0000:01:00.0)
  --bus B           platform or pci: the bus of --parent
  --dma-mask BITS   the buffer's own device's DMA mask, 12 to 64 address bits
  --page-mode       map page by page, so that O_DIRECT reads and writes can use the buffer`,
  delete: `usage: u-dma-buf delete NAME [--json]
  delete a buffer made by create or by a module parameter (it must not be open)`,
  sync: `usage: u-dma-buf sync NAME --for-cpu|--for-device [--offset N] [--size N] [--direction D] [--json]
  hand the buffer to the CPU or to the device (cache maintenance on non-coherent machines)
  without --offset, --size and --direction: the buffer's stored sync area
  D                 bidirectional, to-device, from-device (or 0, 1, 2)`,
  bench: `usage: u-dma-buf bench [--sizes 1M,5M,10M] [--device NAME] [--out DIR] [--impl c,ts] [--modes 0-7] [--repeat N] [--emulated] [--json]
  the original's check_buf/clear_buf sync_mode tables on this machine
  (median of N calls per cell; <arch>.md, .json and .svg go to DIR, default the current folder)
  --device NAME     an existing buffer (default: one made per size through the manager, as root)
  --emulated        say in the report that the machine is emulated (QEMU models no caches)`,
};
