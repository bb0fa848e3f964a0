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

/** Arm's part numbers (MIDR) of the cores these boards and the seed's SoCs have. */
const ARM_PARTS: Record<string, string> = {
  '0xc09': 'Cortex-A9', '0xc0f': 'Cortex-A15', '0xd03': 'Cortex-A53', '0xd04': 'Cortex-A35',
  '0xd05': 'Cortex-A55', '0xd07': 'Cortex-A57', '0xd08': 'Cortex-A72', '0xd0b': 'Cortex-A76',
};

function cpuModel(): string {
  const info = readText('/proc/cpuinfo');
  const part = /^CPU part\s*:\s*(0x[0-9a-f]+)/m.exec(info)?.[1];
  if (/^CPU implementer\s*:\s*0x41/m.test(info) && part && ARM_PARTS[part]) return `Arm ${ARM_PARTS[part]}`;
  const line = /^(model name|Processor)\s*:\s*(.+)$/m.exec(info);
  return line ? line[2].trim() : part ? `CPU part ${part}` : 'unknown';
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
