/**
 * Reading and writing the driver's sysfs attributes, with errors that say
 * what to do.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import {
  ModuleNotLoadedError, NoSuchBufferError, PermissionDeniedError, UdmabufError, errnoCode,
} from './errors.js';

/** Where the driver's class lives: /sys/class/u-dma-buf. */
export const CLASS_DIR = '/sys/class/u-dma-buf';

function explain(err: unknown, classPath: string, name: string, path: string): Error {
  const code = errnoCode(err);
  if (code === 'ENOENT') {
    const classDir = classPath.slice(0, classPath.lastIndexOf('/'));
    if (!existsSync(classDir)) return new ModuleNotLoadedError(classDir, { cause: err });
    if (!existsSync(classPath)) return new NoSuchBufferError(classPath.slice(classDir.length + 1), { cause: err });
    return new UdmabufError('ENOATTR', `${path}: the driver has no attribute '${name}'`, { cause: err });
  }
  if (code === 'EACCES' || code === 'EPERM') return new PermissionDeniedError(path, { cause: err });
  if (code === 'EINVAL') {
    return new UdmabufError('EINVAL', `${path}: the driver refused the value (dmesg says why)`, { cause: err });
  }
  return err as Error;
}

/** The text of an attribute, without its trailing newline. */
export function readAttribute(classPath: string, name: string): string {
  const path = `${classPath}/${name}`;
  try {
    return readFileSync(path, 'latin1').replace(/\n$/, '');
  } catch (err) {
    throw explain(err, classPath, name, path);
  }
}

/** Write an attribute in one write(), as the driver expects. */
export function writeAttribute(classPath: string, name: string, value: string | number | bigint): void {
  const path = `${classPath}/${name}`;
  try {
    writeFileSync(path, String(value));
  } catch (err) {
    throw explain(err, classPath, name, path);
  }
}

/** Parse as Python's int(text, radix) does for the driver's formats. */
export function parseInteger(text: string, radix: number, what: string): number {
  const t = text.trim();
  const digits = radix === 16 ? t.replace(/^0x/i, '') : t;
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 10 ? /^-?[0-9]+$/ : /^[0-9a-z]+$/i;
  if (!valid.test(digits)) throw new UdmabufError('EPARSE', `${what}: '${text}' is not a base-${radix} number`);
  return parseInt(digits, radix);
}
