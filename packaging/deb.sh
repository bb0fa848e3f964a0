#!/bin/sh
# Build u-dma-buf-dkms_<version>_all.deb with Debian's dh-dkms from kernel/
# and packaging/debian/, into build/deb/. The version is dkms.conf's.
#
# usage: sh packaging/deb.sh   (make deb)
set -eu
REPO=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$REPO/kernel/dkms.conf")
for tool in dh dh_dkms dpkg-buildpackage; do
	command -v "$tool" >/dev/null || {
		echo "make deb: $tool is missing: sudo apt-get install debhelper dh-dkms dpkg-dev" >&2
		exit 1
	}
done
OUT="$REPO/build/deb"
TREE="$OUT/u-dma-buf-dkms-$VERSION"
rm -rf "$OUT"
mkdir -p "$TREE"
cp "$REPO"/kernel/Kbuild "$REPO"/kernel/Makefile "$REPO"/kernel/dkms.conf "$REPO"/kernel/*.c \
	"$REPO"/kernel/*.h "$REPO"/kernel/99-u-dma-buf.rules "$TREE/"
cp -r "$REPO/packaging/debian" "$TREE/debian"
cat >"$TREE/debian/changelog" <<CHANGELOG
u-dma-buf-dkms ($VERSION) unstable; urgency=medium

  * The u-dma-buf driver $VERSION (see CHANGELOG.md).

 -- u-dma-buf for TypeScript authors <u-dma-buf@invalid>  $(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || date +%s)}")
CHANGELOG
(cd "$TREE" && dpkg-buildpackage --build=all -us -uc >"$OUT/build.log" 2>&1) || {
	tail -n 30 "$OUT/build.log" >&2
	exit 1
}
ls "$OUT/u-dma-buf-dkms_${VERSION}_all.deb"
