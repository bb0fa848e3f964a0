#!/bin/sh
# Host checks of the Debian package: `make deb` (packaging/deb.sh) builds
# u-dma-buf-dkms_<version>_all.deb with dh-dkms; it holds the DKMS sources,
# the udev rule and the uapi header, depends on dkms, registers the module
# with DKMS in postinst, and DKMS builds the module from the unpacked
# package for the installed 6.1 amd64 headers. Prints TAP lines.
#
# usage: sh packaging/tests/deb.sh
REPO=$(cd "$(dirname "$0")/../.." && pwd)
. "$REPO/vm/tests/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
KVER=$(host_kver)
VERSION=$(dkms_version)
DEB="$REPO/build/deb/u-dma-buf-dkms_${VERSION}_all.deb"

check "deb: make deb builds u-dma-buf-dkms_${VERSION}_all.deb" \
	sh -c "make -s -C '$REPO' deb && test -s '$DEB'"
dpkg-deb -x "$DEB" "$TMP/root" 2>/dev/null
dpkg-deb -e "$DEB" "$TMP/control" 2>/dev/null

check "deb: the npm package, dkms.conf and the driver have one version" \
	grep -q "\"version\": \"$VERSION\"" "$REPO/package.json"
check "deb: holds the DKMS sources in /usr/src/u-dma-buf-$VERSION" \
	sh -c "cd '$TMP/root/usr/src/u-dma-buf-$VERSION' && ls dkms.conf Kbuild Makefile core.c u-dma-buf.h u-dma-buf-ioctl.h"
check "deb: holds the udev rule and the uapi header" \
	test -f "$TMP/root/usr/lib/udev/rules.d/99-u-dma-buf.rules" -a -f "$TMP/root/usr/include/linux/u-dma-buf-ioctl.h"
check "deb: Architecture all, depends on dkms" \
	sh -c "dpkg-deb -f '$DEB' Architecture | grep -qx all && dpkg-deb -f '$DEB' Depends | grep -q '^dkms'"
check "deb: postinst builds and installs through DKMS, prerm removes" \
	sh -c "grep -q 'DKMS_NAME=u-dma-buf' '$TMP/control/postinst' && grep -q 'dkms remove' '$TMP/control/prerm'"

dkms_build() {
	mkdir -p "$TMP/tree" &&
		dkms build --dkmstree "$TMP/tree" --sourcetree "$TMP/root/usr/src" \
		-m u-dma-buf -v "$VERSION" -k "$KVER" &&
		find "$TMP/tree" -name 'u-dma-buf.ko*' | grep -q .
}
check "deb: dkms build from the unpacked package succeeds against linux-headers-$KVER" dkms_build
