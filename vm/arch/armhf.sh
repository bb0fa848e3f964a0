# Board hooks for armhf: QEMU virt with a Cortex-A15. Debian's armmp kernel
# has no Zynq-7000 board support, so this stands in for 32-bit ARM SoCs.
DEB_ARCH=armhf
KERNEL_FLAVOUR=armmp
KBUILD_ARCH=arm
CROSS_COMPILE=arm-linux-gnueabihf-
TRIPLET=arm-linux-gnueabihf
QEMU=qemu-system-arm
CONSOLE=ttyAMA0
# NOTE: highmem=off keeps all RAM and devices below 4 GiB for the 32-bit kernel.
# No IOMMU model on this board (IOMMU= must stay empty).
IOMMUS=
qemu_machine() { echo "-M virt,highmem=off -accel tcg -cpu cortex-a15 -smp 2 -m 1024"; }
kernel_args_arch() { echo "cma=96M"; }
ROOTFS=debian
TS_TEST_DIRS="board oracle"
VM_TEST_BOOTS="driver typescript dt"
# NOTE: Debian's amd64 modpost is built with 64-bit structure sizes and
# rejects a 32-bit module's device table ("sizeof(struct of_device_id)=200").
# The armhf kbuild package's own modpost is used instead, run by qemu-arm
# with the board's root filesystem as its library root.
kbuild_args_arch() {
	local kver=$1 tools="$BUILD/kbuild-tools" wrapper="$BUILD/modpost"
	if [ ! -x "$wrapper" ]; then
		deb_fetch "linux-kbuild-${kver%%.0-*}:$DEB_ARCH"
		deb_extract "$tools" "linux-kbuild-${kver%%.0-*}:$DEB_ARCH"
		printf '#!/bin/sh\nexec qemu-arm-static -L "%s" "%s" "$@"\n' "$ROOTFS_DIR" \
			"$(echo "$tools"/usr/lib/linux-kbuild-*/scripts/mod/modpost.real-lsb-32)" >"$wrapper"
		chmod +x "$wrapper"
	fi
	echo "MODPOST=$wrapper"
}
