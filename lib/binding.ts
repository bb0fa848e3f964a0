/**
 * Loads the native addon (native/) built for this machine's architecture:
 * build/native/<arch>/udmabuf.node (made by `make native`, cross-built for
 * the ARM boards), or native/build/Release/udmabuf.node from node-gyp.
 * UDMABUF_ADDON names another file.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import type { RawBinding } from '../native/index.js';
import { UdmabufError } from './errors.js';

export type { RawBinding, RawDevInfo, RawDrvInfo, RawSync, RawMapping } from '../native/index.js';

/** The repository (or installed package) root: two levels above dist/lib. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function candidates(): string[] {
  const list = [
    `${ROOT}build/native/${process.arch}/udmabuf.node`,
    `${ROOT}native/build/Release/udmabuf.node`,
  ];
  return process.env.UDMABUF_ADDON ? [process.env.UDMABUF_ADDON, ...list] : list;
}

let loaded: RawBinding | undefined;

/** The addon, loaded on first use. */
export function binding(): RawBinding {
  if (loaded) return loaded;
  const path = candidates().find((p) => existsSync(p));
  if (!path) {
    throw new UdmabufError(
      'ENOADDON',
      `the native addon is not built for ${process.arch}: run 'make native' ` +
        `(looked for ${candidates().join(', ')})`,
    );
  }
  loaded = createRequire(import.meta.url)(path) as RawBinding;
  return loaded;
}
