/**
 * What the figures were measured on: architecture, kernel, CPU, and whether
 * the machine is a QEMU board (whose caches are not modelled, so the
 * sync_mode tables there show no cache effect).
 */
import { readFileSync } from 'node:fs';
import { release } from 'node:os';

/** The machine a run was made on. */
export interface MachineInfo {
  /** The board names of this project: x86_64, arm64, armhf (else process.arch). */
  arch: string;
  kernel: string;
  cpu: string;
  /** True on a QEMU machine (or when the caller says so). */
  emulated: boolean;
  /** The sentence every printed table carries about the figures. */
  note: string;
}

const BOARD_ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'arm64', arm: 'armhf' };

function readText(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

function cpuModel(): string {
  const info = readText('/proc/cpuinfo');
  const line = /^(model name|Processor|CPU part)\s*:\s*(.+)$/m.exec(info);
  return line ? line[2].trim() : 'unknown';
}

/** Why this looks like a QEMU machine, or undefined when it does not. */
function qemuEvidence(): string | undefined {
  if (/QEMU/i.test(readText('/sys/class/dmi/id/sys_vendor'))) return 'DMI vendor QEMU';
  if (readText('/proc/device-tree/compatible').includes('linux,dummy-virt')) return "device tree 'linux,dummy-virt'";
  return undefined;
}

/** Describe this machine; `emulated` forces the emulation label. */
export function describeMachine(emulated?: boolean): MachineInfo {
  const evidence = qemuEvidence();
  const isEmulated = emulated ?? evidence !== undefined;
  const note = isEmulated
    ? `Emulated (${evidence ?? 'told so'}): QEMU does not model caches, so every sync_mode runs at ` +
      'cached speed here. These figures show that each mode maps and keeps data intact, not which ' +
      'mode is faster; measure on real hardware for that.'
    : 'Measured on real hardware: the ratios to sync_mode 0 show what each caching choice costs.';
  return {
    arch: BOARD_ARCH[process.arch] ?? process.arch,
    kernel: release(),
    cpu: cpuModel(),
    emulated: isEmulated,
    note,
  };
}
