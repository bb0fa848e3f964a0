#!/bin/sh
# Device-tree tests, run inside an ARM board booted by vm/test with
# DTS=vm/tests/dt/board.dtsi and udmabuf0=0x10000. Prints TAP lines.
#
# usage: sh vm/tests/dt-suite.sh ARCH
ARCH=$1
T=build/vm/$ARCH/tests
. vm/tests/lib.sh

attr() { cat "/sys/class/u-dma-buf/$1/$2"; }
is() { test "$(attr "$1" "$2")" = "$3" || { echo "$1/$2 = $(attr "$1" "$2"), want $3"; return 1; }; }

every_property() {
	is dt_full size 2097152 && is dt_full sync_mode 6 && is dt_full sync_offset 4096 &&
		is dt_full sync_size 65536 && is dt_full sync_direction 1 &&
		is dt_full dma_coherent 0 && ls -l /dev/dt_full | grep -q ' 20, *20 \|, *20 '
}
check "dt: every property of udmabuf-full reaches sysfs" every_property
check "dt: minor-number without device-name names it udmabuf21" is udmabuf21 size 65536
check "dt: neither names it after the node (udmabuf-byname@0)" \
	test -e "/dev/udmabuf-byname@0"
check "dt: dma-coherent is reported" is dt_coherent dma_coherent 1
check "dt: coherent buffers still read/write/mmap" $T/rw dt_coherent 65536

in_pool() {
	p=$(attr dt_pool phys_addr)
	[ $((p)) -ge $((0x50000000)) ] && [ $((p + 0x800000)) -le $((0x51000000)) ] ||
		{ echo "phys_addr $p is outside image_pool 0x50000000-0x51000000"; return 1; }
}
check "dt: memory-region allocates from the reserved shared-dma-pool" in_pool
in_nomap_pool() {
	p=$(attr dt_nomap phys_addr)
	[ $((p)) -ge $((0x58000000)) ] && [ $((p + 0x3064)) -le $((0x58100000)) ] ||
		{ echo "phys_addr $p is outside nomap_pool 0x58000000-0x58100000"; return 1; }
}
check "dt: memory-region allocates from a no-map shared-dma-pool" in_nomap_pool
check "dt: a no-map buffer of 0x3000 + 100 bytes reads and writes" $T/rw dt_nomap 12388

check "dt: the module parameter keeps minor 0" is udmabuf0 size 65536
check "dt: a minor-number clash fails the device-tree node" \
	sh -c '! test -e /dev/dt_clash && dmesg | grep -q "dt_clash: minor number 0 is already in use"'

invalid() {
	name=$1 prop=$2
	! test -e "/dev/$name" && ! test -e "/sys/class/u-dma-buf/$name" &&
		dmesg | grep "$3" | grep -q "$prop" ||
		{ echo "/dev/$name exists or no dmesg line names $prop"; return 1; }
}
check "dt: sync-mode 9 is refused by name" invalid dt_bad_mode "sync-mode:" udmabuf-bad-mode
check "dt: sync-direction 3 is refused by name" invalid dt_bad_dir "sync-direction:" udmabuf-bad-dir
check "dt: minor-number 300 is refused by name" invalid dt_bad_minor "minor-number:" udmabuf-bad-minor
check "dt: a missing size is refused by name" invalid dt_no_size "size:" udmabuf-no-size
check "dt: a three-cell size is refused by name" invalid dt_three_cells "size:" udmabuf-three-cells
check "dt: dma-mask 8 is refused by name" invalid dt_bad_mask "dma-mask:" udmabuf-bad-mask
check "dt: device-name a/b is refused by name" invalid "a/b" "device-name:" udmabuf-bad-name
check "dt: sync-mode = <2 9> (two cells) is refused by name" invalid dt_bad_cells "sync-mode" udmabuf-bad-cells
check "dt: minor-number = <22 1> (two cells) is refused by name" \
	invalid dt_bad_minor_cells "minor-number" udmabuf-bad-minor-cells
check "dt: a sync range past the end is refused by name" invalid dt_bad_range "sync-offset" udmabuf-bad-sync-range

# The last page past the size: 0xff now, and after the reload below the
# pool hands the same memory out again; the new buffer must show zeros there.
NOMAP_PHYS=$(attr dt_nomap phys_addr)
$T/pages dt_nomap 12388 fill-tail | sed 's/ - pages: / - pages(dt_nomap): /'

check "dt: the manager will not delete a device-tree buffer" \
	sh -c '! echo "delete dt_full" > /dev/u-dma-buf-mgr && test -e /dev/dt_full'
check "dt: rmmod removes device-tree buffers" \
	sh -c 'rmmod u-dma-buf && ! test -e /dev/dt_full && ! test -e /dev/dt_pool'
reload() {
	insmod build/vm/$ARCH/u-dma-buf.ko udmabuf0=0x10000 && test -e /dev/dt_full &&
		test -e /dev/dt_pool && in_pool
}
check "dt: reloading probes the nodes again, pool included" reload

same_nomap_memory() {
	test "$(attr dt_nomap phys_addr)" = "$NOMAP_PHYS" ||
		{ echo "phys_addr $(attr dt_nomap phys_addr), before the reload $NOMAP_PHYS"; return 1; }
}
check "dt: after the reload dt_nomap has the same no-map memory" same_nomap_memory
$T/pages dt_nomap 12388 check-tail | sed 's/ - pages: / - pages(dt_nomap, reloaded): /'
