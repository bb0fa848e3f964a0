// SPDX-License-Identifier: GPL-2.0
/*
 * dev.c - /dev/<name>: open, mmap, read, write, llseek and ioctl
 *
 * How a mapping is cached depends on sync_mode and on O_SYNC at open():
 *
 *   sync_mode  without O_SYNC   with O_SYNC
 *   0, 4       cached           cached
 *   1          cached           non-cached
 *   2          cached           write-combine
 *   3          cached           DMA-coherent
 *   5          non-cached       non-cached
 *   6          write-combine    write-combine
 *   7          DMA-coherent     DMA-coherent
 *
 * "DMA-coherent" is pgprot_dmacoherent() on 32-bit ARM and write-combine
 * elsewhere. On x86 every mapping is cached: DMA there is cache-coherent
 * (dma_coherent reads 1), and PAT keeps RAM write-back whatever a
 * remap_pfn_range() asks for, with a warning on each try. Cached mappings are made with remap_pfn_range() and the
 * vma's own protection, never with dma_mmap_coherent(), which would map
 * non-cached on a non-coherent device and make sync_for_cpu/_device moot.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

static int udmabuf_open(struct inode *inode, struct file *file)
{
	struct udmabuf *ub = container_of(inode->i_cdev, struct udmabuf, cdev);
	int ret = 0;

	mutex_lock(&ub->lock);
	if (ub->dying)
		ret = -ENODEV;
	else
		ub->open_count++;
	mutex_unlock(&ub->lock);
	if (!ret)
		file->private_data = ub;
	return ret;
}

static int udmabuf_file_release(struct inode *inode, struct file *file)
{
	struct udmabuf *ub = file->private_data;

	mutex_lock(&ub->lock);
	ub->open_count--;
	mutex_unlock(&ub->lock);
	return 0;
}

/* Whether read()/write() on @file must keep the CPU caches in step. */
static bool udmabuf_file_synced(struct udmabuf *ub, struct file *file)
{
	return (file->f_flags & O_SYNC) || (ub->sync_mode & 4);
}

static pgprot_t udmabuf_dmacoherent(pgprot_t prot)
{
#ifdef CONFIG_ARM
	return pgprot_dmacoherent(prot);
#else
	return pgprot_writecombine(prot);
#endif
}

static pgprot_t udmabuf_pgprot(unsigned int sync_mode, bool o_sync,
			       pgprot_t prot)
{
	if (IS_ENABLED(CONFIG_X86) || (sync_mode < 4 && !o_sync))
		return prot;
	switch (sync_mode & 3) {
	case 1:
		return pgprot_noncached(prot);
	case 2:
		return pgprot_writecombine(prot);
	case 3:
		return udmabuf_dmacoherent(prot);
	default:
		return prot;
	}
}

static int udmabuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct udmabuf *ub = file->private_data;
	unsigned long npages = PAGE_ALIGN(ub->size) >> PAGE_SHIFT;
	unsigned long count = vma_pages(vma);
	unsigned long pgoff = vma->vm_pgoff;
	unsigned int sync_mode;

	/*
	 * A private mapping would copy pages, never reaching the device.
	 * VM_MAYSHARE, not VM_SHARED: the kernel clears VM_SHARED on a
	 * MAP_SHARED mapping of a file opened read-only.
	 */
	if (!(vma->vm_flags & VM_MAYSHARE)) {
		udmabuf_reject(ub, "mmap must be MAP_SHARED\n");
		return -EINVAL;
	}
	if (pgoff > npages || count > npages - pgoff) {
		udmabuf_reject(ub, "mmap of %lu pages at page %lu passes the end of the %lu-page buffer\n",
			       count, pgoff, npages);
		return -EINVAL;
	}
	mutex_lock(&ub->lock);
	sync_mode = ub->sync_mode;
	mutex_unlock(&ub->lock);

	vma->vm_page_prot = udmabuf_pgprot(sync_mode, file->f_flags & O_SYNC,
					   vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, ub->pfn + pgoff,
			       count << PAGE_SHIFT, vma->vm_page_prot);
}

/*
 * The kernel copies through the dma_alloc_coherent() address, which is
 * non-cached on non-coherent machines. A synced file first cleans the range
 * so that data written through a cached mapping reaches memory, and after
 * a write invalidates it so that cached mappings see the new bytes.
 */
static ssize_t udmabuf_read(struct file *file, char __user *buf, size_t count,
			    loff_t *ppos)
{
	struct udmabuf *ub = file->private_data;
	loff_t pos = *ppos;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= ub->size || count == 0)
		return 0;
	count = min_t(u64, count, ub->size - pos);

	mutex_lock(&ub->lock);
	if (udmabuf_file_synced(ub, file))
		dma_sync_single_for_device(ub->dma_dev, ub->dma_addr + pos,
					   count, DMA_TO_DEVICE);
	left = copy_to_user(buf, ub->vaddr + pos, count);
	mutex_unlock(&ub->lock);

	if (left == count)
		return -EFAULT;
	*ppos = pos + count - left;
	return count - left;
}

static ssize_t udmabuf_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct udmabuf *ub = file->private_data;
	loff_t pos = *ppos;
	bool synced;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if (count == 0)
		return 0;
	if (pos >= ub->size)
		return -ENOSPC;
	count = min_t(u64, count, ub->size - pos);

	mutex_lock(&ub->lock);
	synced = udmabuf_file_synced(ub, file);
	if (synced)
		dma_sync_single_for_device(ub->dma_dev, ub->dma_addr + pos,
					   count, DMA_TO_DEVICE);
	left = copy_from_user(ub->vaddr + pos, buf, count);
	if (synced)
		dma_sync_single_for_cpu(ub->dma_dev, ub->dma_addr + pos,
					count, DMA_FROM_DEVICE);
	mutex_unlock(&ub->lock);

	if (left == count)
		return -EFAULT;
	*ppos = pos + count - left;
	return count - left;
}

static loff_t udmabuf_llseek(struct file *file, loff_t offset, int whence)
{
	struct udmabuf *ub = file->private_data;

	return fixed_size_llseek(file, offset, whence, ub->size);
}

/* ---------------------------------------------------------------------
 * ioctl
 */

static long udmabuf_ioctl_info(struct udmabuf *ub, void __user *arg)
{
	struct u_dma_buf_info info = {
		.size = ub->size,
		.dma_addr = ub->dma_addr,
	};

	mutex_lock(&ub->lock);
	info.sync_mode = ub->sync_mode;
	info.sync_owner = ub->sync_owner;
	mutex_unlock(&ub->lock);
	if (udmabuf_is_coherent(ub))
		info.flags |= U_DMA_BUF_INFO_DMA_COHERENT;
	strscpy(info.version, UDMABUF_DRIVER_VERSION, sizeof(info.version));

	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long udmabuf_ioctl_sync(struct udmabuf *ub, void __user *arg)
{
	const u32 known = U_DMA_BUF_SYNC_FOR_CPU | U_DMA_BUF_SYNC_FOR_DEVICE |
			  U_DMA_BUF_SYNC_STORED_AREA;
	struct u_dma_buf_sync req;
	bool for_device;
	long ret;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	for_device = req.flags & U_DMA_BUF_SYNC_FOR_DEVICE;
	if ((req.flags & ~known) ||
	    for_device == !!(req.flags & U_DMA_BUF_SYNC_FOR_CPU)) {
		udmabuf_reject(ub, "sync ioctl flags 0x%x: set exactly one of FOR_CPU and FOR_DEVICE\n",
			       req.flags);
		return -EINVAL;
	}
	mutex_lock(&ub->lock);
	if (req.flags & U_DMA_BUF_SYNC_STORED_AREA)
		ret = udmabuf_sync(ub, for_device, ub->sync_offset,
				   ub->sync_size, ub->sync_direction);
	else
		ret = udmabuf_sync(ub, for_device, req.offset, req.size,
				   req.direction);
	mutex_unlock(&ub->lock);
	return ret;
}

static long udmabuf_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct udmabuf *ub = file->private_data;

	switch (cmd) {
	case U_DMA_BUF_IOCTL_GET_INFO:
		return udmabuf_ioctl_info(ub, (void __user *)arg);
	case U_DMA_BUF_IOCTL_SYNC:
		return udmabuf_ioctl_sync(ub, (void __user *)arg);
	default:
		return -ENOTTY;
	}
}

const struct file_operations udmabuf_fops = {
	.owner		= THIS_MODULE,
	.open		= udmabuf_open,
	.release	= udmabuf_file_release,
	.mmap		= udmabuf_mmap,
	.read		= udmabuf_read,
	.write		= udmabuf_write,
	.llseek		= udmabuf_llseek,
	/* msync(MS_SYNC), e.g. numpy's memmap.flush(): RAM has nothing to write back */
	.fsync		= noop_fsync,
	.unlocked_ioctl	= udmabuf_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};
