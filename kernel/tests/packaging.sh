#!/bin/sh
# Host checks of the driver's packaging: DKMS builds it against the
# installed amd64 headers, the uapi header compiles alone in C and C++ with
# the same layout on 64- and 32-bit, and the udev rule says what it should.
# Prints TAP lines.
#
# usage: sh kernel/tests/packaging.sh
REPO=$(cd "$(dirname "$0")/../.." && pwd)
. "$REPO/vm/tests/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
KVER=$(host_kver)
VERSION=$(dkms_version)

dkms_build() {
	mkdir -p "$TMP/src/u-dma-buf-$VERSION" "$TMP/tree"
	cp "$REPO"/kernel/Kbuild "$REPO"/kernel/Makefile "$REPO"/kernel/dkms.conf \
		"$REPO"/kernel/*.c "$REPO"/kernel/*.h "$TMP/src/u-dma-buf-$VERSION/"
	dkms build --dkmstree "$TMP/tree" --sourcetree "$TMP/src" \
		-m u-dma-buf -v "$VERSION" -k "$KVER" &&
		find "$TMP/tree" -name 'u-dma-buf.ko*' | grep -q .
}
check "dkms: dkms build succeeds against linux-headers-$KVER" dkms_build

check "dkms: PACKAGE_VERSION matches the driver's version" \
	grep -q "UDMABUF_DRIVER_VERSION	\"$VERSION\"" "$REPO/kernel/u-dma-buf.h"

uapi_layout() {
	cat >"$TMP/uapi.c" <<'C'
#include <stddef.h>
#include "u-dma-buf-ioctl.h"
#include <linux/ioctl.h>
/* upstream u-dma-buf v5.5's layouts and encoded numbers */
_Static_assert(sizeof(u_dma_buf_ioctl_drv_info) == 24, "drv_info size");
_Static_assert(sizeof(u_dma_buf_ioctl_dev_info) == 24, "dev_info size");
_Static_assert(sizeof(u_dma_buf_ioctl_sync_args) == 24, "sync_args size");
_Static_assert(offsetof(u_dma_buf_ioctl_sync_args, offset) == 16, "offset");
_Static_assert(sizeof(u_dma_buf_ioctl_export_args) == 40, "export size");
_Static_assert(offsetof(u_dma_buf_ioctl_export_args, fd) == 32, "fd offset");
_Static_assert(U_DMA_BUF_IOCTL_GET_DRV_INFO == _IOC(_IOC_READ, 'U', 1, 24), "1");
_Static_assert(U_DMA_BUF_IOCTL_GET_SYNC_OWNER == _IOC(_IOC_READ, 'U', 4, 4), "4");
_Static_assert(U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE == _IOC(_IOC_WRITE, 'U', 6, 8), "6");
_Static_assert(U_DMA_BUF_IOCTL_SET_SYNC == _IOC(_IOC_WRITE, 'U', 9, 24), "9");
_Static_assert(U_DMA_BUF_IOCTL_EXPORT == _IOC(_IOC_READ | _IOC_WRITE, 'U', 10, 40), "10");
int main(void) { return 0; }
C
	gcc -Wall -Werror -I"$REPO/kernel" -c -o "$TMP/a.o" "$TMP/uapi.c" &&
		arm-linux-gnueabihf-gcc -Wall -Werror -I"$REPO/kernel" -c -o "$TMP/b.o" "$TMP/uapi.c" &&
		aarch64-linux-gnu-gcc -Wall -Werror -I"$REPO/kernel" -c -o "$TMP/c.o" "$TMP/uapi.c"
}
check "uapi: struct layout is the same on x86_64, armhf and arm64" uapi_layout
check "uapi: the header compiles alone as C++" \
	sh -c "echo '#include \"u-dma-buf-ioctl.h\"' | g++ -Wall -Werror -x c++ -I'$REPO/kernel' -fsyntax-only -"

check "udev: the rule opens udmabuf<N> to all, as the original's" \
	grep -q '^KERNEL=="udmabuf\[0-9\]\*", GROUP="root", MODE="0666"$' "$REPO/kernel/99-u-dma-buf.rules"
