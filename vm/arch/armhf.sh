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
qemu_machine() { echo "-M virt,highmem=off -accel tcg -cpu cortex-a15 -smp 2 -m 1024"; }
kernel_args_arch() { echo "cma=96M"; }
ROOTFS=debian
