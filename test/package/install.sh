#!/bin/sh
# Pack the package as `npm publish` would and install the tarball into a
# fresh folder with install scripts off (no compiler runs), as a user on a
# board would. The boards see the same folder (the repository is shared at
# the same path), so they run the consumer with these node_modules.
#
# usage: sh test/package/install.sh [DIR]   (default build/package)
# Leaves DIR/u-dma-buf-<version>.tgz, DIR/pack.json (npm pack --json),
# DIR/consumer/ (node_modules + consumer.mjs), DIR/install-seconds.
set -eu
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${1:-$REPO/build/package}
rm -rf "$DIR"
mkdir -p "$DIR/consumer"
cd "$REPO"
npm pack --json --pack-destination "$DIR" --loglevel=error >"$DIR/pack.json"
cd "$DIR/consumer"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' >package.json
cp "$REPO/test/package/consumer.mjs" .
start=$(date +%s.%N)
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$DIR"/u-dma-buf-*.tgz >/dev/null
end=$(date +%s.%N)
echo "$start $end" | awk '{ printf "%.1f\n", $2 - $1 }' >"$DIR/install-seconds"

# The oldest TypeScript the README names for the types, for consumer.ts.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error typescript@5.7.3 @types/node@20.19.9 >/dev/null
cp "$REPO/test/package/consumer.ts" .
printf '%s\n' '{ "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext",' \
	'  "target": "es2022", "strict": true, "noEmit": true, "types": ["node"] }, "files": ["consumer.ts"] }' >tsconfig.json
