// SPDX-License-Identifier: GPL-2.0
/*
 * export.c - U_DMA_BUF_IOCTL_EXPORT: a DMA-BUF for a range of a buffer
 *
 * The dma-buf holds a reference on the buffer and counts in its
 * export_count, so that "delete" is refused while it lives (and rmmod: the
 * dma-buf pins this module). Its mmap maps the same memory, cached as the
 * device's mappings are (sync_mode, and O_SYNC given in the export flags);
 * DMA_BUF_IOCTL_SYNC START/END do the cache work of sync_for_cpu and
 * sync_for_device on the exported range; importing drivers attach and map
 * it as a one-entry scatterlist.
 */
#include <linux/dma-buf.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
MODULE_IMPORT_NS("DMA_BUF");
#else
MODULE_IMPORT_NS(DMA_BUF);
#endif

/* Export flags: access mode, close-on-exec, and O_SYNC for the mapping. */
#define UDMABUF_EXPORT_FLAGS	(O_ACCMODE | O_CLOEXEC | O_SYNC)

struct udmabuf_export {
	struct udmabuf *ub;	/* with a reference */
	struct dma_buf *dmabuf;
	struct list_head node;	/* on ub->exports, guarded by ub->lock */
	u64 offset;		/* page aligned */
	u64 size;
	bool o_sync;
};

static struct sg_table *udmabuf_map_dma_buf(struct dma_buf_attachment *at,
					    enum dma_data_direction dir)
{
	struct udmabuf_export *exp = at->dmabuf->priv;
	struct udmabuf *ub = exp->ub;
	struct sg_table *sgt;
	int ret;

	sgt = kzalloc(sizeof(*sgt), GFP_KERNEL);
	if (!sgt)
		return ERR_PTR(-ENOMEM);
	ret = sg_alloc_table(sgt, 1, GFP_KERNEL);
	if (ret)
		goto out_free;
	sg_set_page(sgt->sgl, pfn_to_page(ub->pfn + (exp->offset >> PAGE_SHIFT)),
		    exp->size, 0);
	ret = dma_map_sgtable(at->dev, sgt, dir, 0);
	if (ret)
		goto out_free_table;
	return sgt;

out_free_table:
	sg_free_table(sgt);
out_free:
	kfree(sgt);
	return ERR_PTR(ret);
}

static void udmabuf_unmap_dma_buf(struct dma_buf_attachment *at,
				  struct sg_table *sgt,
				  enum dma_data_direction dir)
{
	dma_unmap_sgtable(at->dev, sgt, dir, 0);
	sg_free_table(sgt);
	kfree(sgt);
}

static void udmabuf_release_dma_buf(struct dma_buf *dmabuf)
{
	struct udmabuf_export *exp = dmabuf->priv;
	struct udmabuf *ub = exp->ub;

	mutex_lock(&ub->lock);
	list_del(&exp->node);
	ub->export_count--;
	mutex_unlock(&ub->lock);
	udmabuf_put(ub);
	kfree(exp);
}

static int udmabuf_mmap_dma_buf(struct dma_buf *dmabuf,
				struct vm_area_struct *vma)
{
	struct udmabuf_export *exp = dmabuf->priv;

	/* the core checked the range against the dma-buf's size */
	vma->vm_pgoff += exp->offset >> PAGE_SHIFT;
	return udmabuf_mmap_vma(exp->ub, vma, exp->o_sync);
}

static enum dma_data_direction udmabuf_dir_to_dma[] = {
	DMA_BIDIRECTIONAL, DMA_TO_DEVICE, DMA_FROM_DEVICE,
};

static int udmabuf_cpu_access(struct dma_buf *dmabuf,
			      enum dma_data_direction dir, bool for_device)
{
	struct udmabuf_export *exp = dmabuf->priv;
	struct udmabuf *ub = exp->ub;
	unsigned int direction;
	int ret;

	for (direction = 0; direction < ARRAY_SIZE(udmabuf_dir_to_dma); direction++)
		if (udmabuf_dir_to_dma[direction] == dir)
			break;
	if (direction == ARRAY_SIZE(udmabuf_dir_to_dma))
		return -EINVAL;
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	ret = udmabuf_sync(ub, for_device, exp->offset, exp->size, direction);
	mutex_unlock(&ub->lock);
	return ret;
}

static int udmabuf_begin_cpu_access(struct dma_buf *dmabuf,
				    enum dma_data_direction dir)
{
	return udmabuf_cpu_access(dmabuf, dir, false);
}

static int udmabuf_end_cpu_access(struct dma_buf *dmabuf,
				  enum dma_data_direction dir)
{
	return udmabuf_cpu_access(dmabuf, dir, true);
}

static const struct dma_buf_ops udmabuf_dma_buf_ops = {
	.map_dma_buf		= udmabuf_map_dma_buf,
	.unmap_dma_buf		= udmabuf_unmap_dma_buf,
	.release		= udmabuf_release_dma_buf,
	.mmap			= udmabuf_mmap_dma_buf,
	.begin_cpu_access	= udmabuf_begin_cpu_access,
	.end_cpu_access		= udmabuf_end_cpu_access,
};

/* The export's range and flags, or EINVAL with one line saying why. */
static int udmabuf_check_export(struct udmabuf *ub, struct file *file,
				const u_dma_buf_ioctl_export_args *args)
{
	u64 flags = GET_U_DMA_BUF_IOCTL_FLAGS_EXPORT_FD_FLAGS(args);
	unsigned long i;

	if ((args->flags >> 32) || (flags & ~(u64)UDMABUF_EXPORT_FLAGS) ||
	    (flags & O_ACCMODE) == O_ACCMODE) {
		udmabuf_reject(ub, "EXPORT: flags 0x%llx; give O_RDWR or O_RDONLY, O_CLOEXEC, O_SYNC\n",
			       args->flags);
		return -EINVAL;
	}
	if ((flags & O_ACCMODE) != O_RDONLY && !(file->f_mode & FMODE_WRITE)) {
		udmabuf_reject(ub, "EXPORT: a writable dma-buf from a file opened read-only; open it O_RDWR\n");
		return -EBADF;
	}
	if (!args->size || args->offset > ub->size ||
	    args->size > ub->size - args->offset ||
	    !PAGE_ALIGNED(args->offset)) {
		udmabuf_reject(ub, "EXPORT: offset %llu size %llu: give a page-aligned offset and a size of 1 byte or more inside the %llu-byte buffer\n",
			       args->offset, args->size, ub->size);
		return -EINVAL;
	}
	for (i = 0; i < PAGE_ALIGN(args->size) >> PAGE_SHIFT; i++) {
		if (!pfn_valid(ub->pfn + (args->offset >> PAGE_SHIFT) + i)) {
			udmabuf_reject(ub, "EXPORT: memory without struct pages (a no-map reserved region) cannot be a dma-buf\n");
			return -EINVAL;
		}
	}
	return 0;
}

static struct dma_buf *udmabuf_new_dma_buf(struct udmabuf_export *exp,
					   int flags)
{
	DEFINE_DMA_BUF_EXPORT_INFO(info);

	info.ops = &udmabuf_dma_buf_ops;
	info.size = PAGE_ALIGN(exp->size);
	info.flags = flags & O_ACCMODE;
	info.priv = exp;
	return dma_buf_export(&info);
}

long udmabuf_export(struct udmabuf *ub, struct file *file, void __user *arg)
{
	u_dma_buf_ioctl_export_args args;
	struct udmabuf_export *exp;
	int flags, fd, ret;

	if (copy_from_user(&args, arg, sizeof(args)))
		return -EFAULT;
	ret = udmabuf_check_export(ub, file, &args);
	if (ret)
		return ret;
	flags = GET_U_DMA_BUF_IOCTL_FLAGS_EXPORT_FD_FLAGS(&args);
	exp = kzalloc(sizeof(*exp), GFP_KERNEL);
	if (!exp)
		return -ENOMEM;
	exp->ub = ub;
	exp->offset = args.offset;
	exp->size = args.size;
	exp->o_sync = flags & O_SYNC;
	INIT_LIST_HEAD(&exp->node);

	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		goto out_free;
	if (ub->revoked || ub->dying) {
		ret = -ENODEV;
	} else {
		exp->dmabuf = udmabuf_new_dma_buf(exp, flags);
		ret = PTR_ERR_OR_ZERO(exp->dmabuf);
	}
	if (!ret) {
		get_device(&ub->dev);	/* the dma-buf's reference */
		list_add_tail(&exp->node, &ub->exports);
		ub->export_count++;
	}
	mutex_unlock(&ub->lock);
	if (ret)
		goto out_free;

	/* from here on the dma-buf owns exp: dma_buf_put() releases it */
	fd = dma_buf_fd(exp->dmabuf, flags & O_CLOEXEC);
	if (fd < 0) {
		dma_buf_put(exp->dmabuf);
		return fd;
	}
	args.fd = fd;
	args.addr = ub->dma_addr + args.offset;
	if (copy_to_user(arg, &args, sizeof(args))) {
		/* the fd is installed; user space can still close it */
		return -EFAULT;
	}
	return 0;

out_free:
	kfree(exp);
	return ret;
}

/* Revoke: the dma-bufs' own mappings go too. ub->lock held. */
void udmabuf_zap_exports(struct udmabuf *ub)
{
	struct udmabuf_export *exp;

	lockdep_assert_held(&ub->lock);
	list_for_each_entry(exp, &ub->exports, node)
		unmap_mapping_range(exp->dmabuf->file->f_mapping, 0, 0, 1);
}
