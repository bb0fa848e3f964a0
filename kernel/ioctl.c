// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl.c - the ioctls of /dev/<name>: upstream u-dma-buf v5.5's ABI
 *
 * See u-dma-buf-ioctl.h for the commands. Each value is checked before
 * anything is stored; commands that change the stored sync area or do cache
 * work need a file opened for writing. One helper per command, user copies
 * only there and never under ub->lock.
 */
#include <linux/fs.h>
#include <linux/uaccess.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

#define UDMABUF_IOCTL_VERSION	2	/* 2: with EXPORT */

/* SYNC_CMD, SYNC_DIR, SYNC_MODE; SYNC_OWNER is read-only and ignored */
#define UDMABUF_SYNC_FLAGS_KNOWN	(0x3ULL | 0x3ULL << 2 | 0xffULL << 8 | \
					 1ULL << 16)

static bool udmabuf_writable(struct udmabuf *ub, struct file *file,
			     const char *cmd)
{
	if (file->f_mode & FMODE_WRITE)
		return true;
	udmabuf_reject(ub, "%s on a file opened read-only; open it O_RDWR\n",
		       cmd);
	return false;
}

static long udmabuf_put_u64(u64 val, void __user *arg)
{
	return put_user(val, (u64 __user *)arg);
}

static long udmabuf_get_drv_info(void __user *arg)
{
	u_dma_buf_ioctl_drv_info info = { 0 };

	SET_U_DMA_BUF_IOCTL_FLAGS_IOCTL_VERSION(&info, UDMABUF_IOCTL_VERSION);
	SET_U_DMA_BUF_IOCTL_FLAGS_USE_OF_DMA_CONFIG(&info, 1);
	SET_U_DMA_BUF_IOCTL_FLAGS_USE_OF_RESERVED_MEM(&info, 1);
	SET_U_DMA_BUF_IOCTL_FLAGS_USE_QUIRK_MMAP(&info, 1);
	SET_U_DMA_BUF_IOCTL_FLAGS_USE_QUIRK_MMAP_PAGE(&info, 1);
	strscpy(info.version, UDMABUF_DRIVER_VERSION, sizeof(info.version));
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

static unsigned int udmabuf_dma_mask_bits(struct udmabuf *ub)
{
	return ub->dma_dev->dma_mask ? fls64(*ub->dma_dev->dma_mask) : 0;
}

static long udmabuf_get_dev_info(struct udmabuf *ub, void __user *arg)
{
	u_dma_buf_ioctl_dev_info info = {
		.size = ub->size,
		.addr = ub->dma_addr,
	};
	int ret;

	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	if (ub->revoked) {
		ret = -ENODEV;
	} else {
		SET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info,
						   udmabuf_dma_mask_bits(ub));
		SET_U_DMA_BUF_IOCTL_FLAGS_DMA_COHERENT(&info,
						       udmabuf_is_coherent(ub));
		SET_U_DMA_BUF_IOCTL_FLAGS_MMAP_MODE(&info, ub->mmap_mode);
	}
	mutex_unlock(&ub->lock);
	if (ret)
		return ret;
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long udmabuf_get_sync(struct udmabuf *ub, void __user *arg)
{
	u_dma_buf_ioctl_sync_args args = { 0 };
	int ret;

	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	args.offset = ub->sync_offset;
	args.size = ub->sync_size;
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&args, ub->sync_direction);
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&args, ub->sync_mode);
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_OWNER(&args, ub->sync_owner);
	mutex_unlock(&ub->lock);
	return copy_to_user(arg, &args, sizeof(args)) ? -EFAULT : 0;
}

/* Everything SET_SYNC is given, checked before any of it is stored. */
static int udmabuf_check_sync_args(struct udmabuf *ub,
				   const u_dma_buf_ioctl_sync_args *args)
{
	int cmd = GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(args);
	int dir = GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(args);
	int mode = GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(args);
	u64 offset = args->offset ? args->offset : ub->sync_offset;
	u64 size = args->size ? args->size : ub->sync_size;

	if (ub->revoked)
		return -ENODEV;
	if (args->flags & ~UDMABUF_SYNC_FLAGS_KNOWN) {
		udmabuf_reject(ub, "SET_SYNC: unknown flag bits 0x%llx\n",
			       args->flags & ~UDMABUF_SYNC_FLAGS_KNOWN);
		return -EINVAL;
	}
	if (cmd == 2 || dir > UDMABUF_DIR_MAX ||
	    mode > UDMABUF_SYNC_MODE_MAX) {
		udmabuf_reject(ub, "SET_SYNC: command %d (0, 1 or 3), direction %d (0-2), mode %d (0-7)\n",
			       cmd, dir, mode);
		return -EINVAL;
	}
	if (offset > ub->size || size > ub->size - offset) {
		udmabuf_reject(ub, "SET_SYNC: offset %llu size %llu passes the end of the %llu-byte buffer\n",
			       offset, size, ub->size);
		return -EINVAL;
	}
	return 0;
}

static long udmabuf_set_sync(struct udmabuf *ub, void __user *arg)
{
	u_dma_buf_ioctl_sync_args args;
	int cmd, ret;

	if (copy_from_user(&args, arg, sizeof(args)))
		return -EFAULT;
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	ret = udmabuf_check_sync_args(ub, &args);
	if (ret)
		goto out_unlock;
	if (args.offset)
		ub->sync_offset = args.offset;
	if (args.size)
		ub->sync_size = args.size;
	if (GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&args))
		ub->sync_mode = GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&args);
	ub->sync_direction = GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&args);
	cmd = GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(&args);
	if (cmd)
		ret = udmabuf_sync(ub,
				   cmd == U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD_FOR_DEVICE,
				   ub->sync_offset, ub->sync_size,
				   ub->sync_direction);
out_unlock:
	mutex_unlock(&ub->lock);
	return ret;
}

static long udmabuf_set_sync_for(struct udmabuf *ub, bool for_device,
				 void __user *arg, const char *cmd)
{
	u64 val;

	if (get_user(val, (u64 __user *)arg))
		return -EFAULT;
	return udmabuf_sync_value(ub, for_device, val, cmd);
}

static long udmabuf_get_sync_owner(struct udmabuf *ub, void __user *arg)
{
	u32 owner;
	int ret;

	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	owner = ub->sync_owner;
	mutex_unlock(&ub->lock);
	return put_user(owner, (u32 __user *)arg);
}

long udmabuf_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct udmabuf *ub = file->private_data;
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case U_DMA_BUF_IOCTL_GET_DRV_INFO:
		return udmabuf_get_drv_info(uarg);
	case U_DMA_BUF_IOCTL_GET_SIZE:
		return udmabuf_put_u64(ub->size, uarg);
	case U_DMA_BUF_IOCTL_GET_DMA_ADDR:
		return udmabuf_put_u64(ub->dma_addr, uarg);
	case U_DMA_BUF_IOCTL_GET_SYNC_OWNER:
		return udmabuf_get_sync_owner(ub, uarg);
	case U_DMA_BUF_IOCTL_GET_DEV_INFO:
		return udmabuf_get_dev_info(ub, uarg);
	case U_DMA_BUF_IOCTL_GET_SYNC:
		return udmabuf_get_sync(ub, uarg);
	case U_DMA_BUF_IOCTL_EXPORT:	/* a writable one needs FMODE_WRITE */
		return udmabuf_export(ub, file, uarg);
	}

	/* the rest change the stored area or the caches */
	switch (cmd) {
	case U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU:
		if (!udmabuf_writable(ub, file, "SET_SYNC_FOR_CPU"))
			return -EBADF;
		return udmabuf_set_sync_for(ub, false, uarg,
					    "SET_SYNC_FOR_CPU");
	case U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE:
		if (!udmabuf_writable(ub, file, "SET_SYNC_FOR_DEVICE"))
			return -EBADF;
		return udmabuf_set_sync_for(ub, true, uarg,
					    "SET_SYNC_FOR_DEVICE");
	case U_DMA_BUF_IOCTL_SET_SYNC:
		if (!udmabuf_writable(ub, file, "SET_SYNC"))
			return -EBADF;
		return udmabuf_set_sync(ub, uarg);
	default:
		return -ENOTTY;
	}
}
