# Board hooks for zynqmp: QEMU's Xilinx ZCU102 (xlnx-zcu102: ZynqMP with
# 4x Cortex-A53) booting Debian's arm64 kernel with Debian's own ZCU102 tree.
DEB_ARCH=arm64
KERNEL_FLAVOUR=arm64
KBUILD_ARCH=arm64
CROSS_COMPILE=aarch64-linux-gnu-
TRIPLET=aarch64-linux-gnu
QEMU=qemu-system-aarch64
CONSOLE=ttyPS0
# No SMMU model here (the ZCU102 tree's SMMU node is disabled).
IOMMUS=
# NOTE: without -smp the machine has its 4 APUs (Cortex-A53). -m 2048 fills
# the ZynqMP's low DDR window (0-2 GiB, all 32-bit DMA-able); QEMU accepts
# more (it goes to 0x800000000) and rewrites the tree's memory node to match.
# The root filesystem and the repository live in this RAM (see ROOTFS).
qemu_machine() { echo "-M xlnx-zcu102 -accel tcg -m 2048"; }
# ttyPS1 carries the command's output (vm/guest/init: vm_out).
kernel_args_arch() { echo "cma=96M vm_out=ttyPS1"; }
kbuild_args_arch() { :; }
COMPAT32_CC=arm-linux-gnueabihf-gcc

# Same kernel package as the arm64 board: its unpacked kernel and root
# filesystem (build/vm/arm64/) serve this board too.
FILES_FROM=arm64
# NOTE: xlnx-zcu102 has no PCI and no virtio-mmio transport ("No 'virtio-bus'
# bus found"), so no 9p shares and no virtio ports: the Debian root
# filesystem and a copy of the repository come in the initramfs, and the
# command's output and status leave through the second UART. Writes to the
# repository inside the board stay there.
ROOTFS=initramfs
INITRAMFS_MODULES=
# The ZynqMP's own DMA engine (GDMA, QEMU's xlnx.zdma), driven through
# /dev/mem; no edu (no PCI).
BOARD_DEVICES="zdma"
# no virtio-blk without virtio: no scratch disk
SCRATCH_SERIAL=
qemu_disks() { :; }
VM_TEST_BOOTS="driver typescript zynqmp"

# The SoC's devices are built in; two of them want a host backend.
# NOTE: the DisplayPort's audio would probe the host's sound systems (a
# screenful of ALSA errors); QEMU 7.2's xlnx.v-dp has no audiodev property,
# so it takes the only -audiodev with one "deprecated" line. Each of the four
# GEMs warns "has no peer" without a network: they get an isolated one
# (restrict=on: no traffic reaches the host).
qemu_devices() {
	echo "-audiodev none,id=noaudio"
	local i
	for i in 0 1 2 3; do echo "-nic user,restrict=on,model=cadence_gem"; done
}

# The kernel console on UART0 (ttyPS0), the command's output on UART1.
qemu_channels() {
	echo "-serial file:$RUN/console.log -serial file:$RUN/output"
}

qemu_shares() { :; }

# The Debian root filesystem (cached, uncompressed: the kernel unpacks it
# in ~2.5 s), this run's copy of the repository, then the init and busybox.
# The kernel unpacks concatenated archives one after the other.
board_initrd() {
	board_prepare
	{
		cat "$BUILD/rootfs.cpio"
		repo_cpio || die "cannot pack the repository"
		cat "$BUILD/initramfs.cpio.gz"
	} >"$RUN/initrd"
	echo "$RUN/initrd"
}

# The root filesystem's archive, packed once (vm/prepare calls this too,
# so that test/run packs it in the background).
board_prepare() {
	local root_cpio="$BUILD/rootfs.cpio"
	[ -s "$root_cpio" ] && ! [ "$ROOTFS_DIR/.done" -nt "$root_cpio" ] && return 0
	(cd "$ROOTFS_DIR" && find . ! -name .done | cpio -o -H newc --quiet) >"$root_cpio.tmp" ||
		die "cannot pack $ROOTFS_DIR"
	mv "$root_cpio.tmp" "$root_cpio"
}

# The repository at its own path: sources, dist, node_modules, and of build/
# only the addons (build/native), the installed package (build/package),
# this board's module, test programs and this run's command.
repo_cpio() {
	local rel=${REPO#/} d=
	(
		cd / || exit 1
		# the parents first: the kernel's unpacker does not create them
		for p in ${rel//\// }; do
			d=${d:+$d/}$p
			echo "$d"
		done
		find "$rel" -mindepth 1 \( -path "$rel/.git" -o -path "$rel/build" \) -prune -o -print
		echo "$rel/build"
		echo "$rel/build/vm"
		[ ! -d "/$rel/build/native" ] || find "$rel/build/native"
		# the npm package installed by test/package/install.sh (package.test)
		[ ! -d "/$rel/build/package" ] || find "$rel/build/package"
		echo "${BUILD#/}"
		find "${BUILD#/}" -maxdepth 1 -name u-dma-buf.ko
		find "${BUILD#/}/tests" "${RUN#/}" \( -name initrd -o -name console.log -o -name output \) -prune -o -print
	) | (cd / && cpio -o -H newc --quiet)
}

# Debian's ZCU102 tree, made bootable under QEMU (vm/arch/zynqmp-qemu.dtsi),
# with DTS appended.
board_dtb() {
	local dtb
	dtb=$(echo "$KDIR"/usr/lib/linux-image-"$KVER"/xilinx/zynqmp-zcu102-rev1.0.dtb)
	[ -r "$dtb" ] || die "no zynqmp-zcu102-rev1.0.dtb in Debian's linux-image-$KVER"
	[ -z "${DTS:-}" ] || [ -r "$DTS" ] || die "DTS file '$DTS' not found"
	{
		dtc -q -I dtb -O dts "$dtb"
		cat "$REPO/vm/arch/zynqmp-qemu.dtsi"
		[ -z "${DTS:-}" ] || cat "$DTS"
	} >"$RUN/board.dts"
	dtc -q -I dts -O dtb -o "$RUN/merged.dtb" "$RUN/board.dts" ||
		die "DTS '${DTS:-}' does not compile into Debian's zynqmp-zcu102-rev1.0 tree"
	echo "-dtb $RUN/merged.dtb"
}

# The output without the status line that vm/guest/init appends.
follow_output() {
	tail -n +1 -s 0.1 --pid="$1" -f "$RUN/output" |
		sed -u -e '/^vm-status: [0-9]*$/d' -e 's/vm-status: [0-9]*$//'
}

command_status() {
	sed -n 's/.*vm-status: \([0-9]*\)$/\1/p' "$RUN/output" 2>/dev/null | tail -n 1
}
