# shellcheck shell=bash
# The hooks every board starts from: a board with PCI, where virtio carries
# the shares (9p) and the command's output and status (virtio serial ports),
# and QEMU's edu device is the DMA engine. vm/arch/<arch>.sh is sourced after
# this file and overrides what its board does differently. The hooks may use
# REPO, BUILD, KDIR, RUN (this run's folder) and KVER (vm/run sets the last two).

# Devices the in-guest suites may rely on; the guest gets them as vm_devices
# (vm/tests/lib.sh: board_has NAME), so a suite asks the board, not its ARCH.
BOARD_DEVICES="edu scratch"

# Modules the initramfs loads before it reaches its root filesystem, plus
# the ones the tests use; modprobe adds their dependencies.
INITRAMFS_MODULES="virtio_pci virtio_console virtio_blk 9pnet_virtio 9p uio_pci_generic"

# The boots of `make vm-test` (vm/test names each one).
VM_TEST_BOOTS="driver typescript"

# The TypeScript suites of the typescript boot (dist/test/<dir>): the numpy
# oracle runs where the platform changes answers (32-bit long, NEON, ARM's
# float-to-int conversions): the ARM boards. x86_64 is the host's own
# platform and zynqmp the arm64 one, so they run the board suite only.
TS_TEST_DIRS="board"

# The oracle suites (test/oracle/<name>.test.ts) a board with "oracle" in
# TS_TEST_DIRS runs. The boards' numpy is Debian 12's 1.24, run with NEP 50
# promotion: a case whose answer changed in NumPy 2 (floor/ceil of integers
# keep their dtype, unique's inverse shape, chunked float sums, ...) is gated
# by numpyMajor() in its suite and checked against the host's numpy 2 only.
ORACLE_BOARD_SUITES="numpy linalg npyio print testing create index shape math reduce sort ufunc arraylike convert"

# A 32-bit ARM compiler for the compat_ioctl client (64-bit ARM kernels only).
COMPAT32_CC=

# The board whose unpacked Debian kernel and root filesystem are used
# (build/vm/<FILES_FROM>/): a board on the same kernel package shares them.
FILES_FROM=$ARCH

# PCI devices: the virtio serial controller and edu.
qemu_devices() {
	echo "-device virtio-serial-pci"
	echo "-device edu,dma_mask=0xffffffff"
}

# The scratch disk: a sparse file per boot, found in the guest by its serial
# (vm_scratch; empty on a board without one).
# NOTE: cache=unsafe, not cache=none: the guest's O_DIRECT bypasses the
# guest's page cache whatever QEMU does with the file, and cache=none would
# need a host filesystem that takes O_DIRECT (build/ on tmpfs does not).
SCRATCH_SERIAL=scratch
qemu_disks() {
	truncate -s 64M "$RUN/scratch.img"
	echo "-drive file=$RUN/scratch.img,format=raw,if=none,id=scratch,cache=unsafe"
	echo "-device virtio-blk-pci,drive=scratch,serial=$SCRATCH_SERIAL"
}

# The kernel console on the first serial line; the command's output and its
# exit status on two virtio serial ports backed by files (vm/guest/init).
qemu_channels() {
	echo "-serial file:$RUN/console.log"
	echo "-chardev file,id=cmdout,path=$RUN/output -device virtserialport,chardev=cmdout,name=cmdout"
	echo "-chardev file,id=status,path=$RUN/status -device virtserialport,chardev=status,name=status"
}

# The root filesystem and the repository, shared over 9p.
qemu_shares() {
	if [ "$ROOTFS" = host ]; then
		echo "-fsdev local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap"
		echo "-device virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot"
	else
		echo "-fsdev local,id=rootfs,path=$ROOTFS_DIR,security_model=none,multidevs=remap"
		echo "-device virtio-9p-pci,fsdev=rootfs,mount_tag=rootfs"
	fi
	echo "-fsdev local,id=repo,path=$REPO,security_model=none,multidevs=remap"
	echo "-device virtio-9p-pci,fsdev=repo,mount_tag=repo"
}

# The initramfs QEMU loads (vm/prepare builds it).
board_initrd() { echo "$BUILD/initramfs.cpio.gz"; }

# Anything else a board makes before its boots (vm/prepare's last step).
board_prepare() { :; }

# -dtb for QEMU: the machine's own tree (dumped by QEMU) with DTS appended.
# Nothing when there is no DTS: QEMU then builds the tree itself.
board_dtb() {
	[ -n "${DTS:-}" ] || return 0
	[ "$ROOTFS" = debian ] || die "DTS is for the ARM boards; $ARCH boots without a device tree"
	[ -r "$DTS" ] || die "DTS file '$DTS' not found"
	# shellcheck disable=SC2046
	"$QEMU" $(qemu_machine | sed 's/^-M \([^ ]*\)/-M \1,dumpdtb='"${RUN//\//\\/}"'\/board.dtb/') \
		$(qemu_devices) -display none >/dev/null 2>&1
	{
		dtc -q -I dtb -O dts "$RUN/board.dtb"
		cat "$DTS"
	} >"$RUN/board.dts"
	dtc -q -I dts -O dtb -o "$RUN/merged.dtb" "$RUN/board.dts" ||
		die "DTS '$DTS' does not compile into the board's device tree (QEMU's for $(qemu_machine | cut -d' ' -f1-2))"
	echo "-dtb $RUN/merged.dtb"
}

# Print the command's output as it arrives, until QEMU ($1) has gone.
follow_output() {
	tail -n +1 -s 0.1 --pid="$1" -f "$RUN/output"
}

# The command's exit status once the board has stopped (empty: none came).
command_status() {
	tr -dc '0-9' <"$RUN/status" 2>/dev/null || true
}
