// What the board carries: vm/arch/<arch>.sh's BOARD_DEVICES reaches the guest
// as vm_devices (e.g. "edu,scratch"). Run by hand outside vm/run, the PCI bus
// is asked instead. A board that says it has a device and lacks it fails the
// tests that use it; only a board that says it has none skips them.
import { existsSync, readFileSync } from 'node:fs';

const PCI_IDS: Record<string, string> = { edu: '123411e8' };

/** Whether this board has `device` (edu, scratch, zdma). */
export function boardHas(device: string): boolean {
  const declared = process.env.vm_devices;
  if (declared !== undefined) return declared.split(',').includes(device);
  const id = PCI_IDS[device];
  return id !== undefined && existsSync('/proc/bus/pci/devices') &&
    readFileSync('/proc/bus/pci/devices', 'latin1').includes(id);
}
