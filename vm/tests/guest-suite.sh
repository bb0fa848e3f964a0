#!/bin/sh
# The driver's in-guest test suite: runs inside a board booted by vm/test
# with udmabuf0=1048576 udmabuf1=0x10000 loaded. Prints TAP lines.
#
# usage: sh vm/tests/guest-suite.sh ARCH
ARCH=$1
T=build/vm/$ARCH/tests
KO=build/vm/$ARCH/u-dma-buf.ko
MODARGS="udmabuf0=1048576 udmabuf1=0x10000"
. vm/tests/lib.sh

# ---- creation, as the original README shows it ---------------------------
created_lines() {
	for l in "driver version = " "major number   = " "minor number   = 0" \
		"phys address   = 0x" "buffer size    = 1048576" "dma coherent   = " \
		"driver installed"; do
		dmesg | grep -q "u-dma-buf udmabuf0: $l" || { echo "missing: $l"; return 1; }
	done
}
check "load: dmesg shows each buffer as the original does" created_lines
check "load: udmabuf1=0x10000 is 65536 bytes" \
	test "$(cat /sys/class/u-dma-buf/udmabuf1/size)" = 65536
check "load: /dev/udmabuf1 has minor 1" \
	sh -c 'ls -l /dev/udmabuf1 | grep -q " 1, *1 \|, *1 "'

# ---- the C suites -------------------------------------------------------
$T/sysfs udmabuf0 1048576
$T/mmap udmabuf0 1048576
$T/rw udmabuf0 1048576
$T/ioctl udmabuf0 1048576
# a 32-bit program on the 64-bit kernel: compat_ioctl (built for such boards)
[ -x $T/ioctl32 ] && $T/ioctl32 udmabuf0 1048576 | sed "s/ - ioctl: / - ioctl(32-bit on $ARCH): /"
$T/export
$T/sysfs udmabuf1 65536 | sed 's/ - sysfs: / - sysfs(udmabuf1): /'
$T/mgr
if board_has edu; then
	$T/edu udmabuf0
else
	echo "# skip: edu: this board has no edu device"
fi

# ---- safety (issue 14) ----------------------------------------------------
$T/safety udmabuf0 1048576
$T/mgr_safety

# ---- dd, as in the original README ---------------------------------------
dd_round_trip() {
	dd if=/dev/urandom of=/tmp/random.bin bs=4096 count=256 2>/dev/null &&
		dd if=/tmp/random.bin of=/dev/udmabuf0 bs=4096 count=256 2>/dev/null &&
		dd if=/dev/udmabuf0 of=/tmp/back.bin bs=4096 count=256 2>/dev/null &&
		cmp /tmp/random.bin /tmp/back.bin
}
check "dd: 1 MiB to /dev/udmabuf0 and back" dd_round_trip
check "dd: reading the whole device gives exactly its size" \
	sh -c 'test "$(dd if=/dev/udmabuf1 bs=4096 2>/dev/null | wc -c)" = 65536'
check "dd: writing past the end fails" \
	sh -c '! dd if=/dev/zero of=/dev/udmabuf1 bs=4096 count=17 2>/dev/null'

# ---- module life cycle ---------------------------------------------------
rmmod_refused_while_open() {
	exec 3</dev/udmabuf0
	if rmmod u-dma-buf 2>/dev/null; then
		exec 3<&-
		return 1
	fi
	module_loaded && test -e /dev/udmabuf0
	_r=$?
	exec 3<&-
	return $_r
}
check "module: rmmod is refused while a buffer is open" rmmod_refused_while_open

rmmod_refused_while_mapped() {
	python3 - <<'PY' &
import mmap, os, time
fd = os.open("/dev/udmabuf0", os.O_RDWR)
m = mmap.mmap(fd, 4096, mmap.MAP_SHARED)
os.close(fd)
open("/tmp/mapped", "w").close()
time.sleep(3)
m.close()
PY
	_pid=$!
	while [ ! -e /tmp/mapped ]; do sleep 0.1; done
	rmmod u-dma-buf 2>/dev/null && return 1
	module_loaded
	_r=$?
	wait $_pid
	return $_r
}
check "module: rmmod is refused while a buffer is mapped" rmmod_refused_while_mapped

check "module: rmmod works once nothing is open" rmmod u-dma-buf
check "module: unload removes every node" \
	sh -c '! test -e /dev/udmabuf0 && ! test -e /dev/u-dma-buf-mgr && ! test -e /sys/class/u-dma-buf'

too_big_fails_cleanly() {
	kmsg_mark
	insmod $KO udmabuf0=0x10000 udmabuf3=0x7fffffffffff 2>/dev/null && return 1
	! module_loaded && ! test -e /dev/udmabuf0 && ! test -e /sys/class/u-dma-buf &&
		kmsg_has "udmabuf3" && kmsg_has "module not loaded"
}
check "module: a size too large fails insmod, says why, leaves nothing" too_big_fails_cleanly

cma_limit_is_explained() {
	kmsg_mark
	# more than the 4 MiB the page allocator gives without CMA, less than RAM
	insmod $KO udmabuf0=0x20000000 2>/dev/null && { rmmod u-dma-buf; return 0; }
	! module_loaded && kmsg_has "cannot allocate"
}
check "module: a buffer larger than CMA allows is explained" cma_limit_is_explained

check "module: zero-size parameters create nothing" \
	sh -c "insmod $KO udmabuf0=0 && ! test -e /dev/udmabuf0 && test -e /dev/u-dma-buf-mgr && rmmod u-dma-buf"
check "module: reload with the suite's buffers" insmod $KO $MODARGS
# unloads, races opens against failing loads, reloads with $MODARGS
$T/mgr_safety --ko $KO --reload "$MODARGS"

# ---- storm: everything at once, with unloads and reloads -----------------
# Leaves the module loaded with $MODARGS.
$T/storm --seconds ${STORM_SECONDS:-20} --ko $KO --modargs "$MODARGS"
