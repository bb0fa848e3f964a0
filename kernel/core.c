// SPDX-License-Identifier: GPL-2.0
/*
 * core.c - the u-dma-buf buffer object
 *
 * A buffer is one physically contiguous region from dma_alloc_coherent(),
 * a character device /dev/<name> and a class device carrying the sysfs
 * attributes. The class device is embedded in struct udmabuf and its
 * refcount decides when the struct is freed; the DMA memory itself is freed
 * by udmabuf_destroy(), which callers only reach once no file is open (the
 * manager checks, and module exit cannot run while a file holds the module).
 */
#define pr_fmt(fmt) "u-dma-buf: " fmt

#include <linux/ctype.h>
#include <linux/dma-map-ops.h>
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/version.h>

#include "u-dma-buf.h"

DEFINE_RATELIMIT_STATE(udmabuf_reject_rs, 5 * HZ, 100);

static dev_t udmabuf_devt;
static DEFINE_IDA(udmabuf_minors);

/* Protects udmabuf_list and makes name lookups atomic with create/delete. */
DEFINE_MUTEX(udmabuf_list_lock);
static LIST_HEAD(udmabuf_list);

struct class udmabuf_class = {
	.name		= UDMABUF_DRIVER_NAME,
	.dev_groups	= udmabuf_groups,
};

/* ---------------------------------------------------------------------
 * names and sizes
 */

bool udmabuf_name_ok(const char *name)
{
	size_t len = strnlen(name, UDMABUF_NAME_MAX);
	size_t i;

	if (len == 0 || len == UDMABUF_NAME_MAX)
		return false;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	for (i = 0; i < len; i++)
		if (!isgraph(name[i]) || name[i] == '/')
			return false;
	return true;
}

/* Largest block the page allocator hands out when there is no CMA. */
static unsigned long udmabuf_max_pages_block(void)
{
#if defined(MAX_PAGE_ORDER)
	return PAGE_SIZE << MAX_PAGE_ORDER;
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	return PAGE_SIZE << MAX_ORDER;
#else
	return PAGE_SIZE << (MAX_ORDER - 1);
#endif
}

static void udmabuf_explain_nomem(const struct udmabuf_config *cfg)
{
	if (!IS_ENABLED(CONFIG_DMA_CMA))
		pr_err("%s: cannot allocate %llu bytes: this kernel has no CMA, so a buffer is at most %lu bytes; use a smaller size or a kernel with CONFIG_DMA_CMA\n",
		       cfg->name, cfg->size, udmabuf_max_pages_block());
	else
		pr_err("%s: cannot allocate %llu bytes of contiguous DMA memory; boot with a larger CMA area (e.g. cma=256M) or use a smaller size\n",
		       cfg->name, cfg->size);
}

static int udmabuf_check_size(const struct udmabuf_config *cfg)
{
	u64 ram = (u64)totalram_pages() << PAGE_SHIFT;

	if (cfg->size == 0) {
		pr_err("%s: size 0 is not a buffer; give a size in bytes\n",
		       cfg->name);
		return -EINVAL;
	}
	if (cfg->size > ram || cfg->size > SIZE_MAX - PAGE_SIZE) {
		pr_err("%s: size %llu is larger than this system's memory (%llu bytes)\n",
		       cfg->name, cfg->size, ram);
		return -ENOMEM;
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * creation and destruction
 */

static void udmabuf_release(struct device *dev)
{
	kfree(to_udmabuf(dev));
}

static void udmabuf_log_created(struct udmabuf *ub)
{
	dev_info(&ub->dev, "driver version = %s\n", UDMABUF_DRIVER_VERSION);
	dev_info(&ub->dev, "major number   = %d\n", MAJOR(ub->dev.devt));
	dev_info(&ub->dev, "minor number   = %d\n", MINOR(ub->dev.devt));
	dev_info(&ub->dev, "phys address   = 0x%llx\n", (u64)ub->dma_addr);
	dev_info(&ub->dev, "buffer size    = %llu\n", ub->size);
	dev_info(&ub->dev, "dma device     = %s\n", dev_name(ub->dma_dev));
	dev_info(&ub->dev, "dma coherent   = %d\n", udmabuf_is_coherent(ub));
	dev_info(&ub->dev, "driver installed\n");
}

static int udmabuf_alloc_minor(const struct udmabuf_config *cfg)
{
	int minor;

	if (cfg->minor < 0)
		return ida_alloc_max(&udmabuf_minors, UDMABUF_MINORS - 1,
				     GFP_KERNEL);
	minor = ida_alloc_range(&udmabuf_minors, cfg->minor, cfg->minor,
				GFP_KERNEL);
	if (minor == -ENOSPC) {
		pr_err("%s: minor number %d is already in use by another u-dma-buf\n",
		       cfg->name, cfg->minor);
		return -EBUSY;
	}
	return minor;
}

/* Allocate the memory; called with ub->dev initialised but not added. */
static int udmabuf_alloc_memory(struct udmabuf *ub,
				const struct udmabuf_config *cfg)
{
	int ret;

	if (ub->dma_dev == &ub->dev) {
		ub->dev.dma_mask = &ub->dma_mask;
		ret = dma_set_mask_and_coherent(&ub->dev,
					DMA_BIT_MASK(UDMABUF_DMA_MASK_BITS));
		if (ret)
			return ret;
	}
	/* __GFP_NOWARN: a size too large is the user's error, not a kernel bug */
	ub->vaddr = dma_alloc_coherent(ub->dma_dev, cfg->size, &ub->dma_addr,
				       GFP_KERNEL | __GFP_NOWARN);
	if (!ub->vaddr) {
		udmabuf_explain_nomem(cfg);
		return -ENOMEM;
	}
	if (is_vmalloc_addr(ub->vaddr))
		ub->pfn = vmalloc_to_pfn(ub->vaddr);
	else
		ub->pfn = PHYS_PFN(virt_to_phys(ub->vaddr));
	return 0;
}

static struct udmabuf *udmabuf_find(const char *name)
{
	struct udmabuf *ub;

	lockdep_assert_held(&udmabuf_list_lock);
	list_for_each_entry(ub, &udmabuf_list, node)
		if (!strcmp(dev_name(&ub->dev), name))
			return ub;
	return NULL;
}

static void udmabuf_init_from(struct udmabuf *ub,
			      const struct udmabuf_config *cfg)
{
	mutex_init(&ub->lock);
	INIT_LIST_HEAD(&ub->node);
	ub->size = cfg->size;
	ub->origin = cfg->origin;
	ub->sync_mode = cfg->sync_mode;
	ub->sync_offset = cfg->sync_offset;
	ub->sync_size = cfg->sync_size;
	ub->sync_direction = cfg->sync_direction;
	ub->dma_dev = cfg->dma_dev ? cfg->dma_dev : &ub->dev;

	device_initialize(&ub->dev);
	ub->dev.class = &udmabuf_class;
	ub->dev.parent = cfg->dma_dev;
	ub->dev.release = udmabuf_release;
	cdev_init(&ub->cdev, &udmabuf_fops);
	ub->cdev.owner = THIS_MODULE;
}

/**
 * udmabuf_create - allocate a buffer and make /dev/<name> for it
 * @cfg: name, minor, size, sync settings and the DMA device
 *
 * Logs one line saying why when it fails; nothing is left behind then.
 */
struct udmabuf *udmabuf_create(const struct udmabuf_config *cfg)
{
	struct udmabuf *ub;
	int minor, ret;

	ret = udmabuf_check_size(cfg);
	if (ret)
		return ERR_PTR(ret);

	mutex_lock(&udmabuf_list_lock);
	if (udmabuf_find(cfg->name)) {
		pr_err("%s: a u-dma-buf of that name already exists\n",
		       cfg->name);
		ret = -EEXIST;
		goto out_unlock;
	}
	ub = kzalloc(sizeof(*ub), GFP_KERNEL);
	if (!ub) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	udmabuf_init_from(ub, cfg);

	minor = udmabuf_alloc_minor(cfg);
	if (minor < 0) {
		ret = minor;
		goto out_put;
	}
	ub->dev.devt = MKDEV(MAJOR(udmabuf_devt), minor);
	ret = dev_set_name(&ub->dev, "%s", cfg->name);
	if (ret)
		goto out_free_minor;

	ret = udmabuf_alloc_memory(ub, cfg);
	if (ret)
		goto out_free_minor;

	ret = cdev_device_add(&ub->cdev, &ub->dev);
	if (ret) {
		pr_err("%s: cannot add the device (%d)\n", cfg->name, ret);
		goto out_free_memory;
	}
	list_add_tail(&ub->node, &udmabuf_list);
	mutex_unlock(&udmabuf_list_lock);
	udmabuf_log_created(ub);
	return ub;

out_free_memory:
	dma_free_coherent(ub->dma_dev, ub->size, ub->vaddr, ub->dma_addr);
out_free_minor:
	ida_free(&udmabuf_minors, minor);
out_put:
	put_device(&ub->dev);
out_unlock:
	mutex_unlock(&udmabuf_list_lock);
	return ERR_PTR(ret);
}

/* Tear down a buffer nobody has open; udmabuf_list_lock held. */
static void __udmabuf_destroy(struct udmabuf *ub)
{
	lockdep_assert_held(&udmabuf_list_lock);
	list_del(&ub->node);
	/* waits for sysfs callbacks to finish; no new open() gets through */
	cdev_device_del(&ub->cdev, &ub->dev);
	dma_free_coherent(ub->dma_dev, ub->size, ub->vaddr, ub->dma_addr);
	ida_free(&udmabuf_minors, MINOR(ub->dev.devt));
	dev_info(&ub->dev, "driver uninstalled\n");
	put_device(&ub->dev);
}

/**
 * udmabuf_destroy - remove a buffer at module exit or device-tree unbind
 * @ub: the buffer; no file can be open (the module is pinned while one is)
 */
void udmabuf_destroy(struct udmabuf *ub)
{
	mutex_lock(&udmabuf_list_lock);
	mutex_lock(&ub->lock);
	ub->dying = true;
	mutex_unlock(&ub->lock);
	__udmabuf_destroy(ub);
	mutex_unlock(&udmabuf_list_lock);
}

/**
 * udmabuf_delete - the manager's "delete <name>"
 * @name: buffer name
 *
 * Refuses, with the buffer left intact, while any file (or mapping, which
 * holds its file) is open.
 */
int udmabuf_delete(const char *name)
{
	struct udmabuf *ub;
	int ret = 0;

	mutex_lock(&udmabuf_list_lock);
	ub = udmabuf_find(name);
	if (!ub) {
		udmabuf_reject_pr("%s: no u-dma-buf of that name\n", name);
		ret = -ENOENT;
		goto out_unlock;
	}
	if (ub->origin == UDMABUF_FROM_OF) {
		udmabuf_reject(ub, "comes from the device tree and stays until the module is unloaded\n");
		ret = -EPERM;
		goto out_unlock;
	}
	mutex_lock(&ub->lock);
	if (ub->open_count) {
		udmabuf_reject(ub, "cannot delete: open or mapped %u time(s); close it first\n",
			       ub->open_count);
		ret = -EBUSY;
	} else {
		ub->dying = true;
	}
	mutex_unlock(&ub->lock);
	if (!ret)
		__udmabuf_destroy(ub);
out_unlock:
	mutex_unlock(&udmabuf_list_lock);
	return ret;
}

/* Module exit: everything not owned by a platform device. */
void udmabuf_destroy_all(enum udmabuf_origin origin)
{
	struct udmabuf *ub, *next;

	mutex_lock(&udmabuf_list_lock);
	list_for_each_entry_safe(ub, next, &udmabuf_list, node)
		if (ub->origin == origin)
			__udmabuf_destroy(ub);
	mutex_unlock(&udmabuf_list_lock);
}

/* ---------------------------------------------------------------------
 * cache maintenance
 */

bool udmabuf_is_coherent(struct udmabuf *ub)
{
	return dev_is_dma_coherent(ub->dma_dev);
}

/**
 * udmabuf_sync - hand [offset, offset + size) to the CPU or to the device
 * @ub: the buffer, ub->lock held
 * @for_device: true to clean for the device, false to invalidate for the CPU
 * @offset: bytes from the start
 * @size: bytes
 * @direction: 0 bidirectional, 1 to device, 2 from device
 *
 * The DMA API skips cache work on coherent devices and picks clean or
 * invalidate from the direction. Ownership changes only on success.
 */
int udmabuf_sync(struct udmabuf *ub, bool for_device, u64 offset, u64 size,
		 unsigned int direction)
{
	static const enum dma_data_direction dirs[] = {
		DMA_BIDIRECTIONAL, DMA_TO_DEVICE, DMA_FROM_DEVICE,
	};

	lockdep_assert_held(&ub->lock);
	if (direction > UDMABUF_DIR_MAX) {
		udmabuf_reject(ub, "sync direction %u is not 0, 1 or 2\n",
			       direction);
		return -EINVAL;
	}
	if (offset > ub->size || size > ub->size - offset) {
		udmabuf_reject(ub, "sync range offset %llu size %llu passes the end of the %llu-byte buffer\n",
			       offset, size, ub->size);
		return -EINVAL;
	}
	if (size && for_device)
		dma_sync_single_for_device(ub->dma_dev, ub->dma_addr + offset,
					   size, dirs[direction]);
	else if (size)
		dma_sync_single_for_cpu(ub->dma_dev, ub->dma_addr + offset,
					size, dirs[direction]);
	ub->sync_owner = for_device;
	return 0;
}

/* ---------------------------------------------------------------------
 * class and character device region
 */

int udmabuf_core_init(void)
{
	int ret;

	ret = alloc_chrdev_region(&udmabuf_devt, 0, UDMABUF_MINORS,
				  UDMABUF_DRIVER_NAME);
	if (ret)
		return ret;
	ret = class_register(&udmabuf_class);
	if (ret)
		goto out_unregister_region;
	return 0;

out_unregister_region:
	unregister_chrdev_region(udmabuf_devt, UDMABUF_MINORS);
	return ret;
}

void udmabuf_core_exit(void)
{
	class_unregister(&udmabuf_class);
	unregister_chrdev_region(udmabuf_devt, UDMABUF_MINORS);
	ida_destroy(&udmabuf_minors);
}
