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
 * (dma_coherent reads 1), and PAT keeps RAM write-back whatever a PFN
 * mapping asks for, with a warning on each try. Cached mappings use the
 * vma's own protection, never dma_mmap_coherent(), which would map
 * non-cached on a non-coherent device and make sync_for_cpu/_device moot.
 *
 * Mappings are filled by the fault handler under ub->lock, so that a
 * revoke (see core.c) can zap them all and no fault can put one back.
 * Every open file's f_mapping is the buffer's own inode. PFN mode (2, the
 * default) inserts page frames; page mode (4) maps the struct pages, so
 * that O_DIRECT and io_uring can move the memory to and from disks.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

/* Pages a fault maps at once, from the faulting one on. */
#define UDMABUF_FAULT_AROUND	256

static int udmabuf_open(struct inode *inode, struct file *file)
{
	struct udmabuf *ub = container_of(inode->i_cdev, struct udmabuf, cdev);
	int ret;

	/* module init may still fail and take every buffer with it */
	if (!smp_load_acquire(&udmabuf_live))
		return -ENODEV;
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	if (ub->dying) {
		ret = -ENODEV;
	} else {
		ub->open_count++;
		get_device(&ub->dev);	/* the file's reference */
	}
	mutex_unlock(&ub->lock);
	if (ret)
		return ret;
	file->private_data = ub;
	file->f_mapping = ub->inode->i_mapping;
	return 0;
}

static int udmabuf_file_release(struct inode *inode, struct file *file)
{
	struct udmabuf *ub = file->private_data;

	mutex_lock(&ub->lock);
	ub->open_count--;
	mutex_unlock(&ub->lock);
	udmabuf_put(ub);	/* may be the last: frees the memory */
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

/* ---------------------------------------------------------------------
 * mmap
 */

/* PFN mode: insert the page frames, the neighbours too (one fault, not one per page). */
static vm_fault_t udmabuf_fault_pfn(struct udmabuf *ub, struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long npages = ub->alloc_size >> PAGE_SHIFT;
	unsigned long addr = vmf->address & PAGE_MASK;
	pgoff_t pgoff = vmf->pgoff;
	vm_fault_t ret;
	int i;

	ret = vmf_insert_pfn_prot(vma, addr, ub->pfn + pgoff, vma->vm_page_prot);
	for (i = 1; i < UDMABUF_FAULT_AROUND; i++) {
		addr += PAGE_SIZE;
		if (addr >= vma->vm_end || ++pgoff >= npages)
			break;
		if (vmf_insert_pfn_prot(vma, addr, ub->pfn + pgoff,
					vma->vm_page_prot) != VM_FAULT_NOPAGE)
			break;
	}
	return ret;
}

/* Page mode: hand the core the page, which maps it with a reference. */
static vm_fault_t udmabuf_fault_page(struct udmabuf *ub, struct vm_fault *vmf)
{
	struct page *page = pfn_to_page(ub->pfn + vmf->pgoff);

	get_page(page);
	vmf->page = page;
	return 0;
}

static vm_fault_t udmabuf_vm_fault(struct vm_fault *vmf)
{
	struct udmabuf *ub = vmf->vma->vm_private_data;
	vm_fault_t ret = VM_FAULT_SIGBUS;

	mutex_lock(&ub->lock);
	if (ub->revoked || vmf->pgoff >= ub->alloc_size >> PAGE_SHIFT)
		goto out_unlock;
	if (ub->mmap_mode == U_DMA_BUF_MMAP_MODE_PAGE)
		ret = udmabuf_fault_page(ub, vmf);
	else
		ret = udmabuf_fault_pfn(ub, vmf);
out_unlock:
	mutex_unlock(&ub->lock);
	return ret;
}

static const struct vm_operations_struct udmabuf_vm_ops = {
	.fault	= udmabuf_vm_fault,
};

static void udmabuf_vma_set_flags(struct udmabuf *ub,
				  struct vm_area_struct *vma)
{
	/*
	 * PFN mode: page frames the core must not look behind (no GUP, so
	 * O_DIRECT from such a mapping fails with EFAULT). Page mode: normal
	 * pages, so that get_user_pages() and O_DIRECT work.
	 */
	unsigned long flags = VM_DONTEXPAND | VM_DONTDUMP;

	if (ub->mmap_mode != U_DMA_BUF_MMAP_MODE_PAGE)
		flags |= VM_PFNMAP | VM_IO;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_set(vma, flags);
#else
	vma->vm_flags |= flags;
#endif
}

/**
 * udmabuf_mmap_vma - map a buffer: the device's mmap and its dma-bufs'
 * @ub: the buffer
 * @vma: vm_pgoff in pages from the start of the buffer
 * @o_sync: the file was opened (or the dma-buf exported) with O_SYNC
 */
int udmabuf_mmap_vma(struct udmabuf *ub, struct vm_area_struct *vma,
		     bool o_sync)
{
	unsigned long npages = ub->alloc_size >> PAGE_SHIFT;
	unsigned long count = vma_pages(vma);
	unsigned long pgoff = vma->vm_pgoff;
	unsigned int sync_mode;
	int ret;

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
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	sync_mode = ub->sync_mode;
	if (ub->revoked)
		ret = -ENODEV;
	mutex_unlock(&ub->lock);
	if (ret)
		return ret;

	vma->vm_page_prot = udmabuf_pgprot(sync_mode, o_sync, vma->vm_page_prot);
	udmabuf_vma_set_flags(ub, vma);
	vma->vm_ops = &udmabuf_vm_ops;
	vma->vm_private_data = ub;	/* vm_file holds a reference on ub */
	return 0;
}

static int udmabuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	return udmabuf_mmap_vma(file->private_data, vma,
				file->f_flags & O_SYNC);
}

/* ---------------------------------------------------------------------
 * read and write
 *
 * The kernel copies through the dma_alloc_coherent() address, which is
 * non-cached on non-coherent machines. A synced file first cleans the range
 * so that data written through a cached mapping reaches memory, and after
 * a write invalidates it so that cached mappings see the new bytes.
 *
 * Copies run under mem_sem (read), not ub->lock: a user copy may fault and
 * take mmap_lock, under which mmap() and page faults take ub->lock.
 */

/* Before a copy: the buffer is still there; clean for a synced file. */
static int udmabuf_begin_copy(struct udmabuf *ub, struct file *file,
			      loff_t pos, size_t count, bool *synced)
{
	int ret;

	ret = down_read_killable(&ub->mem_sem);
	if (ret)
		return ret;
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		goto out_up;
	if (ub->revoked) {
		ret = -ENODEV;
	} else {
		*synced = udmabuf_file_synced(ub, file);
		if (*synced)
			dma_sync_single_for_device(ub->dma_dev,
						   ub->dma_addr + pos, count,
						   DMA_TO_DEVICE);
	}
	mutex_unlock(&ub->lock);
	if (!ret)
		return 0;
out_up:
	up_read(&ub->mem_sem);
	return ret;
}

static ssize_t udmabuf_read(struct file *file, char __user *buf, size_t count,
			    loff_t *ppos)
{
	struct udmabuf *ub = file->private_data;
	loff_t pos = *ppos;
	bool synced = false;
	size_t left;
	int ret;

	if (pos < 0)
		return -EINVAL;
	if (pos >= ub->size || count == 0)
		return 0;
	count = min_t(u64, count, ub->size - pos);

	ret = udmabuf_begin_copy(ub, file, pos, count, &synced);
	if (ret)
		return ret;
	left = copy_to_user(buf, ub->vaddr + pos, count);
	up_read(&ub->mem_sem);

	if (left == count)
		return -EFAULT;
	*ppos = pos + count - left;
	return count - left;
}

/*
 * copy_from_user() zero-fills what it could not copy: straight into the
 * buffer that would destroy bytes the call never reports as written. Copy
 * through a bounce page and store exactly what arrived.
 */
static size_t udmabuf_copy_in(struct udmabuf *ub, void *bounce, loff_t pos,
			      const char __user *buf, size_t count)
{
	size_t done = 0, n, left;

	while (done < count) {
		n = min_t(size_t, PAGE_SIZE, count - done);
		left = copy_from_user(bounce, buf + done, n);
		memcpy(ub->vaddr + pos + done, bounce, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

static ssize_t udmabuf_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct udmabuf *ub = file->private_data;
	loff_t pos = *ppos;
	void *bounce;
	bool synced = false;
	size_t done;
	int ret;

	if (pos < 0)
		return -EINVAL;
	if (count == 0)
		return 0;
	if (pos >= ub->size)
		return -ENOSPC;
	count = min_t(u64, count, ub->size - pos);

	bounce = (void *)__get_free_page(GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	ret = udmabuf_begin_copy(ub, file, pos, count, &synced);
	if (ret)
		goto out_free;
	done = udmabuf_copy_in(ub, bounce, pos, buf, count);
	if (synced && done)
		dma_sync_single_for_cpu(ub->dma_dev, ub->dma_addr + pos, done,
					DMA_FROM_DEVICE);
	up_read(&ub->mem_sem);

	if (done == 0) {
		ret = -EFAULT;
		goto out_free;
	}
	*ppos = pos + done;
	ret = done;
out_free:
	free_page((unsigned long)bounce);
	return ret;
}

static loff_t udmabuf_llseek(struct file *file, loff_t offset, int whence)
{
	struct udmabuf *ub = file->private_data;

	return fixed_size_llseek(file, offset, whence, ub->size);
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
