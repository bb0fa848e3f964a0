#!/bin/sh
# The ZCU102's device-tree buffers and its GDMA: runs inside the zynqmp board
# booted by vm/test with DTS=vm/tests/dt/zynqmp.dtsi and udmabuf0=0x10000.
# Prints TAP lines.
#
# usage: sh vm/tests/zynqmp-suite.sh ARCH
ARCH=$1
T=build/vm/$ARCH/tests
. vm/tests/lib.sh

attr() { cat "/sys/class/u-dma-buf/$1/$2"; }
is() { test "$(attr "$1" "$2")" = "$3" || { echo "$1/$2 = $(attr "$1" "$2"), want $3"; return 1; }; }

check "zynqmp: the board is Debian's ZCU102 tree" \
	grep -q "ZynqMP ZCU102 Rev1.0" /sys/firmware/devicetree/base/model

# ---- the buffers of vm/tests/dt/zynqmp.dtsi ------------------------------
names_and_minors() {
	for n in zdma_src:10 zdma_dst:11 zynqmp_frame:12; do
		ls -l "/dev/${n%:*}" | grep -q ", *${n#*:} " ||
			{ echo "/dev/${n%:*} is not minor ${n#*:}"; return 1; }
	done
	test -e /dev/zynqmp_hpc && test -e /dev/udmabuf0
}
check "zynqmp: every node is a device, named and numbered as written" names_and_minors
check "zynqmp: zdma_src is 1 MiB" is zdma_src size 1048576
check "zynqmp: zdma_dst is 4 MiB" is zdma_dst size 4194304
check "zynqmp: a two-cell size gives zynqmp_frame 8 MiB" is zynqmp_frame size 8388608
check "zynqmp: zynqmp_frame keeps sync-mode 1 and sync-direction 2" \
	sh -c '[ "$(cat /sys/class/u-dma-buf/zynqmp_frame/sync_mode)" = 1 ] &&
		[ "$(cat /sys/class/u-dma-buf/zynqmp_frame/sync_direction)" = 2 ]'
check "zynqmp: dma-coherent is reported (zynqmp_hpc)" is zynqmp_hpc dma_coherent 1
check "zynqmp: the module parameter's udmabuf0 sits beside them" is udmabuf0 size 65536

# zynqmp_pool: 0x60000000-0x61000000, the 4 and 8 MiB buffers both in it
in_pool() {
	p=$(attr "$1" phys_addr) s=$(attr "$1" size)
	[ $((p)) -ge $((0x60000000)) ] && [ $((p + s)) -le $((0x61000000)) ] ||
		{ echo "$1: phys_addr $p + $s is outside zynqmp_pool 0x60000000-0x61000000"; return 1; }
}
check "zynqmp: memory-region puts zdma_dst in zynqmp_pool" in_pool zdma_dst
check "zynqmp: memory-region puts zynqmp_frame in zynqmp_pool" in_pool zynqmp_frame
apart() {
	a=$(attr zdma_dst phys_addr) b=$(attr zynqmp_frame phys_addr)
	[ $((a + 0x400000)) -le $((b)) ] || [ $((b + 0x800000)) -le $((a)) ] ||
		{ echo "zdma_dst $a and zynqmp_frame $b overlap"; return 1; }
}
check "zynqmp: the pool's two buffers do not overlap" apart
not_in_pool() {
	p=$(attr zdma_src phys_addr)
	[ $((p + 0x100000)) -le $((0x60000000)) ] || [ $((p)) -ge $((0x61000000)) ] ||
		{ echo "zdma_src $p is inside zynqmp_pool"; return 1; }
}
check "zynqmp: zdma_src (no memory-region) comes from elsewhere" not_in_pool
check "zynqmp: the kernel reserved zynqmp_pool" \
	sh -c 'dmesg | grep -q "Reserved memory: created CMA memory pool at 0x0*60000000, size 16 MiB"'

dmesg_lines() {
	for n in zdma_src:1048576 zdma_dst:4194304 zynqmp_frame:8388608; do
		for l in "phys address   = $(attr "${n%:*}" phys_addr)" "buffer size    = ${n#*:}" \
			"driver installed"; do
			dmesg | grep -q "u-dma-buf ${n%:*}: $l" ||
				{ echo "no dmesg line 'u-dma-buf ${n%:*}: $l'"; return 1; }
		done
	done
}
check "zynqmp: dmesg shows each buffer as the original does" dmesg_lines
check "zynqmp: zdma_dst reads and writes" $T/rw zdma_dst 4194304

# ---- the GDMA, channel 7 (its node disabled by zynqmp.dtsi) --------------
check "zynqmp: GDMA channel 7's node is disabled, channel 0's is not" \
	sh -c 'grep -q disabled "/sys/firmware/devicetree/base/axi/dma-controller@fd570000/status" &&
		grep -q okay "/sys/firmware/devicetree/base/axi/dma-controller@fd500000/status"'
if board_has zdma; then
	$T/zdma zdma_src zdma_dst 7
else
	echo "not ok - zynqmp: the board does not declare its zdma"
fi

check "zynqmp: rmmod removes the device-tree buffers" \
	sh -c 'rmmod u-dma-buf && ! test -e /dev/zdma_src && ! test -e /dev/zdma_dst'
check "zynqmp: reloading probes them again, in the pool" \
	sh -c "insmod build/vm/$ARCH/u-dma-buf.ko udmabuf0=0x10000 && test -e /dev/zdma_dst"
check "zynqmp: after the reload zdma_dst is in zynqmp_pool again" in_pool zdma_dst
