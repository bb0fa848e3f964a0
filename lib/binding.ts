/**
 * Loads the native addon (native/). In order:
 *   1. UDMABUF_ADDON, a path to a .node file, when set;
 *   2. in the repository, what `make build` leaves: build/native/<arch>/udmabuf.node
 *      (cross-built for the ARM boards) or native/build/Release/udmabuf.node;
 *   3. through node-gyp-build, the package's prebuilt addons
 *      (prebuilds/linux-{x64,arm64,arm}/node.napi[.armv7].glibc.node) or the
 *      addon compiled at install from the root binding.gyp (build/Release/).
 * A missing addon is an error that names the command that fixes it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import type { RawBinding } from '../native/index.js';
import { UdmabufError } from './errors.js';

export type { RawBinding, RawDevInfo, RawDrvInfo, RawSync, RawMapping } from '../native/index.js';

/** The repository (or installed package) root: two levels above dist/lib. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const require = createRequire(import.meta.url);

/** The command that puts the addon in place, for error messages. */
export const ADDON_FIX =
  existsSync(`${ROOT}.git`) || existsSync(`${ROOT}Makefile`)
    ? "run 'make build' in the repository"
    : "run 'npm rebuild u-dma-buf' (it compiles the addon: needs python3, make and g++, " +
      "e.g. 'sudo apt-get install python3 make g++')";

function repoBuilds(): string[] {
  return [`${ROOT}build/native/${process.arch}/udmabuf.node`, `${ROOT}native/build/Release/udmabuf.node`];
}

let loaded: RawBinding | undefined;

/** The addon, loaded on first use. */
export function binding(): RawBinding {
  if (loaded) return loaded;
  const override = process.env.UDMABUF_ADDON;
  if (override) {
    if (!existsSync(override)) {
      throw new UdmabufError('ENOADDON', `UDMABUF_ADDON names '${override}', which does not exist`);
    }
    loaded = require(override) as RawBinding;
    return loaded;
  }
  const built = repoBuilds().find((p) => existsSync(p));
  if (built) {
    loaded = require(built) as RawBinding;
    return loaded;
  }
  const gypBuild = require('node-gyp-build') as { resolve(dir: string): string };
  let path: string;
  try {
    path = gypBuild.resolve(ROOT);
  } catch {
    throw new UdmabufError(
      'ENOADDON',
      `no native addon for ${process.platform}-${process.arch} (node ${process.version}) ` +
        `in ${ROOT}prebuilds or ${ROOT}build/Release: ${ADDON_FIX}`,
    );
  }
  loaded = require(path) as RawBinding;
  return loaded;
}
