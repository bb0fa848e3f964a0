/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * u-dma-buf-ioctl.h - user-space interface of the u-dma-buf driver's ioctls
 *
 * The ABI of upstream u-dma-buf v5.5 (magic 'U', numbers 1-10, the same
 * argument layouts and flag bit fields), so that C programs written for
 * upstream build against this header and run unchanged:
 *
 *   nr  command                       argument
 *    1  U_DMA_BUF_IOCTL_GET_DRV_INFO   u_dma_buf_ioctl_drv_info (read)
 *    2  U_DMA_BUF_IOCTL_GET_SIZE       __u64 buffer size (read)
 *    3  U_DMA_BUF_IOCTL_GET_DMA_ADDR   __u64 address the device must use (read)
 *    4  U_DMA_BUF_IOCTL_GET_SYNC_OWNER __u32 0 CPU, 1 device (read)
 *    5  U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU     __u64, as sysfs sync_for_cpu
 *    6  U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE  __u64, as sysfs sync_for_device
 *    7  U_DMA_BUF_IOCTL_GET_DEV_INFO   u_dma_buf_ioctl_dev_info (read)
 *    8  U_DMA_BUF_IOCTL_GET_SYNC       u_dma_buf_ioctl_sync_args (read)
 *    9  U_DMA_BUF_IOCTL_SET_SYNC       u_dma_buf_ioctl_sync_args (write)
 *   10  U_DMA_BUF_IOCTL_EXPORT         u_dma_buf_ioctl_export_args (both)
 *
 * The __u64 of SET_SYNC_FOR_CPU/_DEVICE is 1 (the stored sync area) or a
 * one-off range 0xOOOOOOOOSSSSSSSS: offset in bits 63-32, size in bits 31-4
 * (a multiple of 16; the range may end in the 16-byte granule holding the
 * buffer's last byte), direction in bits 3-2, bit 1 clear, bit 0 set.
 *
 * SET_SYNC stores the direction always, the mode, offset and size when they
 * are not 0 (0 leaves them as they are), then runs SYNC_CMD: 0 nothing,
 * 1 sync for the CPU, 3 sync for the device.
 *
 * Stricter than upstream: every value is checked before anything is stored
 * (range inside the buffer, direction 0-2, mode 0-7, command 0, 1 or 3,
 * unknown flag bits) and refused with EINVAL; commands that change state or
 * caches need a file opened for writing (EBADF otherwise).
 */
#ifndef _UAPI_U_DMA_BUF_IOCTL_H
#define _UAPI_U_DMA_BUF_IOCTL_H

#include <linux/ioctl.h>
#include <linux/types.h>

/*
 * A flag field NAME of structure TYPE, bits LO..HI of its .flags:
 * U_DMA_BUF_IOCTL_FLAGS_NAME_SHIFT and _MASK, and the accessors
 * SET_U_DMA_BUF_IOCTL_FLAGS_NAME(&arg, value) and
 * GET_U_DMA_BUF_IOCTL_FLAGS_NAME(&arg).
 */
#define U_DMA_BUF_IOCTL_FIELD(name, type, lo, hi)				\
enum { U_DMA_BUF_IOCTL_FLAGS_##name##_SHIFT = (lo) };				\
static const __u64 U_DMA_BUF_IOCTL_FLAGS_##name##_MASK =			\
	(((__u64)1 << ((hi) - (lo) + 1)) - 1);					\
static inline void SET_U_DMA_BUF_IOCTL_FLAGS_##name(type *arg, int value)	\
{										\
	arg->flags &= ~(U_DMA_BUF_IOCTL_FLAGS_##name##_MASK << (lo));		\
	arg->flags |= ((__u64)value & U_DMA_BUF_IOCTL_FLAGS_##name##_MASK) << (lo); \
}										\
static inline int GET_U_DMA_BUF_IOCTL_FLAGS_##name(const type *arg)		\
{										\
	return (int)((arg->flags >> (lo)) & U_DMA_BUF_IOCTL_FLAGS_##name##_MASK); \
}

/* GET_DRV_INFO: what this driver can do */
typedef struct {
	__u64 flags;
	char version[16];	/* NUL-terminated */
} u_dma_buf_ioctl_drv_info;

U_DMA_BUF_IOCTL_FIELD(IOCTL_VERSION, u_dma_buf_ioctl_drv_info, 0, 7)
U_DMA_BUF_IOCTL_FIELD(IN_KERNEL_FUNCTIONS, u_dma_buf_ioctl_drv_info, 8, 8)
U_DMA_BUF_IOCTL_FIELD(USE_OF_DMA_CONFIG, u_dma_buf_ioctl_drv_info, 12, 12)
U_DMA_BUF_IOCTL_FIELD(USE_OF_RESERVED_MEM, u_dma_buf_ioctl_drv_info, 13, 13)
U_DMA_BUF_IOCTL_FIELD(USE_QUIRK_MMAP, u_dma_buf_ioctl_drv_info, 16, 16)
U_DMA_BUF_IOCTL_FIELD(USE_QUIRK_MMAP_PAGE, u_dma_buf_ioctl_drv_info, 17, 17)

/* GET_DEV_INFO: the buffer and the device it was allocated for */
typedef struct {
	__u64 flags;
	__u64 size;		/* bytes */
	__u64 addr;		/* the address the device must use */
} u_dma_buf_ioctl_dev_info;

U_DMA_BUF_IOCTL_FIELD(DMA_MASK, u_dma_buf_ioctl_dev_info, 0, 7)	/* bits */
U_DMA_BUF_IOCTL_FIELD(DMA_COHERENT, u_dma_buf_ioctl_dev_info, 9, 9)
U_DMA_BUF_IOCTL_FIELD(MMAP_MODE, u_dma_buf_ioctl_dev_info, 10, 12)

/* MMAP_MODE values (sysfs quirk_mmap_mode) */
#define U_DMA_BUF_MMAP_MODE_PFN		2	/* remapped page frames */
#define U_DMA_BUF_MMAP_MODE_PAGE	4	/* struct pages: O_DIRECT works */

/* GET_SYNC / SET_SYNC: the stored sync area */
typedef struct {
	__u64 flags;
	__u64 size;
	__u64 offset;
} u_dma_buf_ioctl_sync_args;

U_DMA_BUF_IOCTL_FIELD(SYNC_CMD, u_dma_buf_ioctl_sync_args, 0, 1)
U_DMA_BUF_IOCTL_FIELD(SYNC_DIR, u_dma_buf_ioctl_sync_args, 2, 3)
U_DMA_BUF_IOCTL_FIELD(SYNC_MODE, u_dma_buf_ioctl_sync_args, 8, 15)
U_DMA_BUF_IOCTL_FIELD(SYNC_OWNER, u_dma_buf_ioctl_sync_args, 16, 16)

enum {
	U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD_FOR_CPU = 1,
	U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD_FOR_DEVICE = 3
};

/* EXPORT: a DMA-BUF file for [offset, offset + size) */
typedef struct {
	__u64 flags;		/* EXPORT_FD_FLAGS: O_CLOEXEC, O_RDWR, ... */
	__u64 size;
	__u64 offset;
	__u64 addr;		/* returned: the device address of offset */
	int fd;			/* returned */
} u_dma_buf_ioctl_export_args;

U_DMA_BUF_IOCTL_FIELD(EXPORT_FD_FLAGS, u_dma_buf_ioctl_export_args, 0, 31)

#define U_DMA_BUF_IOCTL_MAGIC		'U'
#define U_DMA_BUF_IOCTL_GET_DRV_INFO	\
	_IOR(U_DMA_BUF_IOCTL_MAGIC, 1, u_dma_buf_ioctl_drv_info)
#define U_DMA_BUF_IOCTL_GET_SIZE	_IOR(U_DMA_BUF_IOCTL_MAGIC, 2, __u64)
#define U_DMA_BUF_IOCTL_GET_DMA_ADDR	_IOR(U_DMA_BUF_IOCTL_MAGIC, 3, __u64)
#define U_DMA_BUF_IOCTL_GET_SYNC_OWNER	_IOR(U_DMA_BUF_IOCTL_MAGIC, 4, __u32)
#define U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU	\
	_IOW(U_DMA_BUF_IOCTL_MAGIC, 5, __u64)
#define U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE	\
	_IOW(U_DMA_BUF_IOCTL_MAGIC, 6, __u64)
#define U_DMA_BUF_IOCTL_GET_DEV_INFO	\
	_IOR(U_DMA_BUF_IOCTL_MAGIC, 7, u_dma_buf_ioctl_dev_info)
#define U_DMA_BUF_IOCTL_GET_SYNC	\
	_IOR(U_DMA_BUF_IOCTL_MAGIC, 8, u_dma_buf_ioctl_sync_args)
#define U_DMA_BUF_IOCTL_SET_SYNC	\
	_IOW(U_DMA_BUF_IOCTL_MAGIC, 9, u_dma_buf_ioctl_sync_args)
#define U_DMA_BUF_IOCTL_EXPORT		\
	_IOWR(U_DMA_BUF_IOCTL_MAGIC, 10, u_dma_buf_ioctl_export_args)

#endif /* _UAPI_U_DMA_BUF_IOCTL_H */
