# Board hooks for arm64: QEMU virt with the seed's ZynqMP core (Cortex-A53).
DEB_ARCH=arm64
KERNEL_FLAVOUR=arm64
KBUILD_ARCH=arm64
CROSS_COMPILE=aarch64-linux-gnu-
TRIPLET=aarch64-linux-gnu
QEMU=qemu-system-aarch64
CONSOLE=ttyAMA0
# IOMMU=smmuv3 puts QEMU's SMMUv3 in front of the PCI bus; device-tree nodes
# reach it with iommus = <&{/smmuv3@9050000} SID> (one cell). The dumped tree
# for DTS follows this line, so it carries the SMMU's node as well.
IOMMUS=smmuv3
qemu_machine() { echo "-M virt,gic-version=2${IOMMU:+,iommu=$IOMMU} -accel tcg -cpu cortex-a53 -smp 2 -m 1024"; }
# Debian's arm64 default CMA is small; the bench wants three 10 MiB buffers.
kernel_args_arch() { echo "cma=96M"; }
ROOTFS=debian
kbuild_args_arch() { :; }
COMPAT32_CC=arm-linux-gnueabihf-gcc
TS_TEST_DIRS="board oracle"
VM_TEST_BOOTS="driver typescript dt iommu"
