/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * u-dma-buf-ioctl.h - user-space interface of the u-dma-buf driver's ioctls
 *
 * Every /dev/<name> opened from the u-dma-buf driver answers two ioctls:
 *
 *   U_DMA_BUF_IOCTL_GET_INFO  fills struct u_dma_buf_info: buffer size, the
 *                             DMA address a device must be given, sync_mode,
 *                             sync_owner, coherence and the driver version.
 *   U_DMA_BUF_IOCTL_SYNC      hands the buffer (or a part of it) to the CPU or
 *                             to the device, doing the cache maintenance the
 *                             sysfs files sync_for_cpu / sync_for_device do.
 *
 * All reserved fields must be zero; unknown flags are rejected with EINVAL so
 * that later versions can give them a meaning.
 */
#ifndef _UAPI_U_DMA_BUF_IOCTL_H
#define _UAPI_U_DMA_BUF_IOCTL_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define U_DMA_BUF_IOCTL_MAGIC		'U'

#define U_DMA_BUF_VERSION_LEN		16

/* struct u_dma_buf_info.flags */
#define U_DMA_BUF_INFO_DMA_COHERENT	(1U << 0)

struct u_dma_buf_info {
	__u64 size;		/* bytes, as asked for at creation */
	__u64 dma_addr;		/* address to program into the device */
	__u32 sync_mode;	/* 0-7, see the sysfs attribute sync_mode */
	__u32 sync_owner;	/* 0 = CPU owns the buffer, 1 = device */
	__u32 flags;		/* U_DMA_BUF_INFO_* */
	__u32 reserved;
	char version[U_DMA_BUF_VERSION_LEN];	/* NUL-terminated */
};

/* struct u_dma_buf_sync.direction, as sysfs sync_direction */
#define U_DMA_BUF_DIR_BIDIRECTIONAL	0
#define U_DMA_BUF_DIR_TO_DEVICE		1
#define U_DMA_BUF_DIR_FROM_DEVICE	2

/* struct u_dma_buf_sync.flags: exactly one of FOR_CPU and FOR_DEVICE */
#define U_DMA_BUF_SYNC_FOR_CPU		(1U << 0)
#define U_DMA_BUF_SYNC_FOR_DEVICE	(1U << 1)
/* ignore offset/size/direction and use the stored sync_offset/size/direction */
#define U_DMA_BUF_SYNC_STORED_AREA	(1U << 2)

struct u_dma_buf_sync {
	__u64 offset;		/* bytes from the start of the buffer */
	__u64 size;		/* bytes; offset + size must not pass the end */
	__u32 direction;	/* U_DMA_BUF_DIR_* */
	__u32 flags;		/* U_DMA_BUF_SYNC_* */
};

#define U_DMA_BUF_IOCTL_GET_INFO \
	_IOR(U_DMA_BUF_IOCTL_MAGIC, 1, struct u_dma_buf_info)
#define U_DMA_BUF_IOCTL_SYNC \
	_IOW(U_DMA_BUF_IOCTL_MAGIC, 2, struct u_dma_buf_sync)

#endif /* _UAPI_U_DMA_BUF_IOCTL_H */
