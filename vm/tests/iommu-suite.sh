#!/bin/sh
# IOMMU tests, run inside the arm64 board booted by vm/test with IOMMU=smmuv3,
# DTS=vm/tests/dt/iommu.dtsi and udmabuf0=0x10000. Prints TAP lines.
#
# The node udmabuf-iommu (device-name dt_iommu, 1 MiB) sits behind the
# SMMUv3, where dma_alloc_coherent() may return pages contiguous only in the
# device's address space. The driver must then either allocate forced-
# contiguous memory (the expected case) or refuse the node with a dmesg line
# naming it; a buffer it does create must be the same memory, page by page,
# through read()/write() and through mmap().
#
# usage: sh vm/tests/iommu-suite.sh ARCH
ARCH=$1
T=build/vm/$ARCH/tests
NAME=dt_iommu
SIZE=1048576
NODE=/sys/firmware/devicetree/base/udmabuf-iommu
. vm/tests/lib.sh

smmu_probed() {
	dmesg | grep -E 'arm-smmu-v3 [0-9a-f]+\.smmuv3: ' | head -n 3
	dmesg | grep -Eq 'arm-smmu-v3 [0-9a-f]+\.smmuv3: ias [0-9]+-bit' ||
		{ echo "no 'arm-smmu-v3 …: ias' line in dmesg"; return 1; }
}
check "iommu: dmesg shows the SMMUv3 probed" smmu_probed

# The platform device made from the node: the one whose of_node it is.
node_device() {
	want=$(readlink -f "$NODE") || return 1
	for d in /sys/bus/platform/devices/*; do
		[ "$(readlink -f "$d/of_node" 2>/dev/null)" = "$want" ] && echo "$d" && return 0
	done
	return 1
}

in_group() {
	d=$(node_device) || { echo "no platform device has of_node $NODE"; return 1; }
	[ -e "$d/iommu_group" ] || { echo "$d has no iommu_group"; return 1; }
	type=$(cat "$d/iommu_group/type")
	echo "$d: iommu group $(basename "$(readlink -f "$d/iommu_group")"), type $type"
	# NOTE: an identity domain would not translate: nothing would be tested.
	case "$type" in
	DMA*) ;;
	*) echo "the group's domain is $type, not a translating DMA domain"; return 1 ;;
	esac
}
check "iommu: the platform device of udmabuf-iommu is in a translating IOMMU group" in_group

created() {
	test -e "/dev/$NAME" && test -e "/sys/class/u-dma-buf/$NAME"
}

# A dmesg line naming dt_iommu other than the ones every creation logs.
refusal_line() {
	dmesg | grep "$NAME" | grep -v -E ': (driver version|major number|minor number|phys address|buffer size|dma device|dma coherent) +=|: driver installed' |
		head -n 1
}

refused_by_name() {
	! test -e "/dev/$NAME" && ! test -e "/sys/class/u-dma-buf/$NAME" && [ -n "$(refusal_line)" ] ||
		{ echo "/dev/$NAME exists or no dmesg line names $NAME"; return 1; }
}

if created; then
	echo "# $NAME: created behind the SMMU (the expected case), DMA address $(cat /sys/class/u-dma-buf/$NAME/phys_addr)"
	check "iommu: $NAME is created (or refused with a dmesg line naming it): created" created
	# NOTE: pages checks the mapping read-only first; mmap writes through the
	# mapping, which would scribble over other memory if pages found it there.
	$T/pages "$NAME" "$SIZE" | sed "s/ - pages: / - pages($NAME): /" | tee /tmp/pages.out
	if grep -q "^ok 1 - pages($NAME): every_page_written_by_write" /tmp/pages.out; then
		$T/mmap "$NAME" "$SIZE" | sed "s/ - mmap: / - mmap($NAME): /"
	else
		echo "not ok - mmap($NAME): not run: the mapping shows other memory than read()/write()"
	fi
	$T/rw "$NAME" "$SIZE" | sed "s/ - rw: / - rw($NAME): /"
else
	echo "# $NAME: refused: $(refusal_line)"
	check "iommu: $NAME is created (or refused with a dmesg line naming it): refused" refused_by_name
fi

# A buffer made for the edu (bus=pci device=<bdf>) gets an IOVA of the edu's
# domain and round-trips through the SMMU; one made for its own device is out
# of the edu's reach; removing the edu revokes the buffer, a rescan brings it back.
$T/parent --iommu
