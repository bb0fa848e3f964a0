#!/bin/sh
# The driver at work, as the original README shows it. Runs inside a board
# (make demo) where u-dma-buf.ko was loaded with udmabuf0=1048576.
echo "\$ insmod u-dma-buf.ko udmabuf0=1048576"
dmesg | grep 'u-dma-buf udmabuf0' | sed 's/^\[[^]]*\] //'
echo
echo "\$ ls -l /dev/udmabuf0 /dev/u-dma-buf-mgr"
ls -l /dev/udmabuf0 /dev/u-dma-buf-mgr
echo
echo "\$ grep . /sys/class/u-dma-buf/udmabuf0/*   (the readable attributes)"
for a in phys_addr size sync_mode sync_offset sync_size sync_direction \
	sync_owner dma_coherent driver_version; do
	printf '%-16s %s\n' "$a" "$(cat /sys/class/u-dma-buf/udmabuf0/$a)"
done
echo
echo "\$ echo 1 > sync_for_device; cat sync_owner; echo 1 > sync_for_cpu; cat sync_owner"
echo 1 >/sys/class/u-dma-buf/udmabuf0/sync_for_device
printf 'sync_owner after sync_for_device: %s\n' "$(cat /sys/class/u-dma-buf/udmabuf0/sync_owner)"
echo 1 >/sys/class/u-dma-buf/udmabuf0/sync_for_cpu
printf 'sync_owner after sync_for_cpu:    %s\n' "$(cat /sys/class/u-dma-buf/udmabuf0/sync_owner)"
echo
echo "\$ dd if=/dev/urandom of=/dev/udmabuf0 bs=4096 count=256; dd if=/dev/udmabuf0 of=back.bin"
dd if=/dev/urandom of=/tmp/random.bin bs=4096 count=256 2>/dev/null
dd if=/tmp/random.bin of=/dev/udmabuf0 bs=4096 count=256
dd if=/dev/udmabuf0 of=/tmp/back.bin bs=4096
if cmp -s /tmp/random.bin /tmp/back.bin; then
	echo "round trip: the 1 MiB read back is identical"
else
	echo "round trip: MISMATCH"
	exit 1
fi
echo
echo "\$ echo 'create udmabuf8 0x10000' > /dev/u-dma-buf-mgr"
echo "create udmabuf8 0x10000" >/dev/u-dma-buf-mgr
dmesg | grep -E 'u-dma-buf-mgr|udmabuf8' | tail -n 9 | sed 's/^\[[^]]*\] //'
echo "\$ echo 'delete udmabuf8' > /dev/u-dma-buf-mgr"
echo "delete udmabuf8" >/dev/u-dma-buf-mgr
dmesg | tail -n 2 | sed 's/^\[[^]]*\] //'
echo
echo "\$ rmmod u-dma-buf"
rmmod u-dma-buf
dmesg | tail -n 1 | sed 's/^\[[^]]*\] //'
