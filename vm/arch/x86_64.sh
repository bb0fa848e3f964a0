# Board hooks for x86_64: a PC with the host's root shared read-only.
DEB_ARCH=amd64
KERNEL_FLAVOUR=amd64
KBUILD_ARCH=x86
CROSS_COMPILE=
TRIPLET=x86_64-linux-gnu
QEMU=qemu-system-x86_64
CONSOLE=ttyS0
# NOTE: /dev/kvm exists on these machines but hangs real guests: TCG only.
# NOTE: no AVX2 in the guest CPU: QEMU 7.2's TCG emulates AVX2 gathers
# wrongly, and numpy's AVX2 loops then die of SIGSEGV inside the board.
# No IOMMU model on this board (IOMMU= must stay empty).
IOMMUS=
qemu_machine() { echo "-M q35 -accel tcg -cpu Nehalem -smp 2 -m 1024"; }
# Debian's amd64 kernel has no CMA; nothing to reserve.
kernel_args_arch() { :; }
# The host's / is the guest's root: node, python3 and numpy come with it.
ROOTFS=host
kbuild_args_arch() { :; }
