// SPDX-License-Identifier: GPL-2.0
/*
 * core.c - the u-dma-buf buffer object
 *
 * A buffer is one physically contiguous region of DMA memory, a character
 * device /dev/<name> and a class device carrying the sysfs attributes.
 *
 * Lifetime. Everything a buffer owns - struct udmabuf, its DMA memory, its
 * inode - belongs to the reference count of the embedded class device and
 * is freed by udmabuf_release() on the last put_device(). References are
 * held by:
 *   - udmabuf_list, from creation until the buffer is unpublished (manager
 *     "delete", module exit, or its platform device going away);
 *   - every open file, from open() to the file's release; a mapping holds
 *     its file, so the last munmap() of a closed file drops that reference;
 *   - every exported dma-buf, until its release (its mappings and
 *     importers hold the dma-buf);
 *   - a platform device's driver data, for device-tree buffers;
 *   - anyone who looks a buffer up under udmabuf_list_lock and uses it after
 *     dropping that lock (nothing is touched after the lock without one).
 * Unpublishing marks the buffer dying (open() fails), removes the device
 * node and sysfs directory, and drops the list's reference: the memory
 * stays until the last file and mapping are gone. The manager and rmmod
 * refuse to unpublish a buffer that is open or mapped.
 *
 * Revocation. DMA memory allocated for a device cannot outlive that
 * device's DMA configuration (DMA operations, IOMMU domain), which a bus
 * device has only while a driver is bound, and neither an unbind nor a
 * removal can wait for user space. When a device-tree buffer's platform
 * device goes, or a parent device's driver unbinds (a removal unbinds
 * first), the buffer is unpublished and revoked: every mapping is zapped (later
 * accesses get SIGBUS), read/write/ioctl fail with ENODEV, and the memory
 * is freed once copies in flight have finished (mem_sem). The files keep
 * struct udmabuf alive until they are closed.
 *
 * Locks, outermost first: udmabuf_list_lock (the list and name lookups);
 * mem_sem (read: a user copy; write: revoke); mm's mmap_lock (taken by user
 * copies and page faults); ub->lock (the buffer's state; a page fault takes
 * it to insert pages). ub->lock is never held across a user copy.
 */
#define pr_fmt(fmt) "u-dma-buf: " fmt

#include <linux/ctype.h>
#include <linux/dma-map-ops.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/pseudo_fs.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/version.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

/*
 * Forced contiguous: behind an IOMMU, dma_alloc_coherent() may return pages
 * that are contiguous only in the device's address space.
 */
#define UDMABUF_DMA_ATTRS	DMA_ATTR_FORCE_CONTIGUOUS
#define UDMABUF_FS_MAGIC	0x75646d62	/* "udmb" */

DEFINE_RATELIMIT_STATE(udmabuf_reject_rs, UDMABUF_REJECT_INTERVAL,
		       UDMABUF_REJECT_BURST);

/* Set once module init has succeeded; open() fails before (see main.c). */
bool udmabuf_live;

static dev_t udmabuf_devt;
static DEFINE_IDA(udmabuf_minors);
static struct vfsmount *udmabuf_mnt;	/* pseudo fs for the buffers' inodes */

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

/* 1-63 visible characters; not ".", ".."; no '/' nor '!' (devtmpfs: '/') */
bool udmabuf_name_ok(const char *name)
{
	size_t len = strnlen(name, UDMABUF_NAME_MAX);
	size_t i;

	if (len == 0 || len == UDMABUF_NAME_MAX)
		return false;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	for (i = 0; i < len; i++)
		if (!isgraph(name[i]) || name[i] == '/' || name[i] == '!')
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

/* devtmpfs would silently keep the other node: refuse the name instead. */
static int udmabuf_check_dev_node(const char *name)
{
	char path[UDMABUF_NAME_MAX + 8];
	struct path p;

	snprintf(path, sizeof(path), "/dev/%s", name);
	if (kern_path(path, 0, &p))
		return 0;
	path_put(&p);
	pr_err("%s: /dev/%s already exists; choose another name\n", name, name);
	return -EEXIST;
}

/* ---------------------------------------------------------------------
 * the DMA memory
 */

static unsigned long udmabuf_vaddr_to_pfn(void *va)
{
	if (is_vmalloc_addr(va))
		return vmalloc_to_pfn(va);
	return PHYS_PFN(virt_to_phys(va));
}

/* mmap maps pfn + n: make sure that is where the memory really is. */
static int udmabuf_check_linear(struct udmabuf *ub)
{
	unsigned long i, npages = ub->alloc_size >> PAGE_SHIFT;

	ub->pfn = udmabuf_vaddr_to_pfn(ub->vaddr);
	for (i = 1; i < npages; i++) {
		if (udmabuf_vaddr_to_pfn(ub->vaddr + (i << PAGE_SHIFT)) !=
		    ub->pfn + i) {
			pr_err("%s: the DMA API gave memory that is not physically contiguous (page %lu of %lu); not created\n",
			       dev_name(&ub->dev), i, npages);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * Page mode maps the buffer's struct pages, and user space (O_DIRECT, any
 * get_user_pages()) takes references on them. The buffer holds one on
 * every page for its life, so that no page ever drops to 0 and goes back to
 * the page allocator under the DMA API: the page allocator hands out a
 * large block with only its first page counted.
 */
static int udmabuf_take_pages(struct udmabuf *ub)
{
	unsigned long i, npages = ub->alloc_size >> PAGE_SHIFT;

	for (i = 0; i < npages; i++) {
		if (!pfn_valid(ub->pfn + i)) {
			pr_err("%s: page mode needs memory with struct pages (a no-map reserved region has none); use the default PFN mapping\n",
			       dev_name(&ub->dev));
			return -EINVAL;
		}
	}
	ub->tails_unref = npages > 1 && !page_count(pfn_to_page(ub->pfn + 1));
	for (i = 0; i < npages; i++)
		page_ref_inc(pfn_to_page(ub->pfn + i));
	return 0;
}

/*
 * Drop the buffer's references; false when a page is still referenced by
 * somebody else (a long-lived pin), whose memory must then not be freed.
 */
static bool udmabuf_put_pages(struct udmabuf *ub)
{
	unsigned long i, npages = ub->alloc_size >> PAGE_SHIFT;
	int want;

	for (i = 0; i < npages; i++) {
		want = (i && ub->tails_unref) ? 1 : 2;
		if (page_ref_count(pfn_to_page(ub->pfn + i)) != want) {
			dev_err(&ub->dev, "page %lu is still in use (pinned by I/O?); %zu bytes of DMA memory are left allocated rather than freed under it\n",
				i, ub->alloc_size);
			return false;
		}
	}
	for (i = 0; i < npages; i++)
		page_ref_dec(pfn_to_page(ub->pfn + i));
	return true;
}

/* Allocate the memory; called with ub->dev initialised but not added. */
static int udmabuf_alloc_memory(struct udmabuf *ub,
				const struct udmabuf_config *cfg)
{
	int ret;

	if (ub->dma_dev == &ub->dev) {
		ub->dev.dma_mask = &ub->dma_mask;
		ret = dma_set_mask_and_coherent(&ub->dev,
				DMA_BIT_MASK(cfg->dma_mask_bits ?: udmabuf_default_dma_mask_bits));
		if (ret) {
			pr_err("%s: a %u-bit DMA mask is not supported here\n",
			       cfg->name, cfg->dma_mask_bits);
			return ret;
		}
	}
	/*
	 * Whole pages, all zeroed: mmap exposes the last page entirely.
	 * __GFP_NOWARN: a size too large is the user's error, not a kernel bug.
	 */
	ub->alloc_size = PAGE_ALIGN(cfg->size);
	ub->vaddr = dma_alloc_attrs(ub->dma_dev, ub->alloc_size, &ub->dma_addr,
				    GFP_KERNEL | __GFP_NOWARN, UDMABUF_DMA_ATTRS);
	if (!ub->vaddr) {
		udmabuf_explain_nomem(cfg);
		return -ENOMEM;
	}
	ret = udmabuf_check_linear(ub);
	if (!ret && ub->mmap_mode == U_DMA_BUF_MMAP_MODE_PAGE)
		ret = udmabuf_take_pages(ub);
	if (ret) {
		dma_free_attrs(ub->dma_dev, ub->alloc_size, ub->vaddr,
			       ub->dma_addr, UDMABUF_DMA_ATTRS);
		ub->vaddr = NULL;
	}
	return ret;
}

static void udmabuf_free_memory(struct udmabuf *ub)
{
	if (!ub->vaddr)
		return;
	if (ub->mmap_mode == U_DMA_BUF_MMAP_MODE_PAGE && !udmabuf_put_pages(ub)) {
		ub->vaddr = NULL;	/* leaked on purpose: still in use */
		return;
	}
	dma_free_attrs(ub->dma_dev, ub->alloc_size, ub->vaddr, ub->dma_addr,
		       UDMABUF_DMA_ATTRS);
	ub->vaddr = NULL;
}

/* ---------------------------------------------------------------------
 * creation and destruction
 */

/* The last reference: no file, mapping or list holds the buffer. */
static void udmabuf_release(struct device *dev)
{
	struct udmabuf *ub = to_udmabuf(dev);

	udmabuf_free_memory(ub);
	if (ub->inode)
		iput(ub->inode);
	if (ub->dma_dev != &ub->dev)
		put_device(ub->dma_dev);
	kfree(ub);
}

void udmabuf_put(struct udmabuf *ub)
{
	put_device(&ub->dev);
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
	dev_info(&ub->dev, "dma mask       = 0x%016llx\n",
		 ub->dma_dev->dma_mask ? *ub->dma_dev->dma_mask : 0);
	dev_info(&ub->dev, "dma bus        = %s\n",
		 ub->dma_dev->bus ? ub->dma_dev->bus->name : "none");
	dev_info(&ub->dev, "mmap mode      = %u (%s)\n", ub->mmap_mode,
		 ub->mmap_mode == U_DMA_BUF_MMAP_MODE_PAGE ? "page" : "pfn");
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
	init_rwsem(&ub->mem_sem);
	ratelimit_state_init(&ub->reject_rs, UDMABUF_REJECT_INTERVAL,
			     UDMABUF_REJECT_BURST);
	INIT_LIST_HEAD(&ub->node);
	INIT_LIST_HEAD(&ub->exports);
	ub->size = cfg->size;
	ub->mmap_mode = cfg->mmap_mode ?: udmabuf_default_mmap_mode;
	ub->origin = cfg->origin;
	ub->sync_mode = cfg->sync_mode;
	ub->sync_offset = cfg->sync_offset;
	ub->sync_size = cfg->sync_size;
	ub->sync_direction = cfg->sync_direction;
	/* a platform device's struct stays until our release */
	ub->dma_dev = cfg->dma_dev ? get_device(cfg->dma_dev) : &ub->dev;

	device_initialize(&ub->dev);	/* the list's reference */
	ub->dev.class = &udmabuf_class;
	ub->dev.parent = cfg->dma_dev;
	ub->dev.release = udmabuf_release;
	cdev_init(&ub->cdev, &udmabuf_fops);
	ub->cdev.owner = THIS_MODULE;
}

/* Everything but the device node; @ub is freed by its release then. */
static int udmabuf_setup(struct udmabuf *ub, const struct udmabuf_config *cfg)
{
	int minor, ret;

	minor = udmabuf_alloc_minor(cfg);
	if (minor < 0)
		return minor;
	ub->dev.devt = MKDEV(MAJOR(udmabuf_devt), minor);
	ret = dev_set_name(&ub->dev, "%s", cfg->name);
	if (ret)
		goto out_free_minor;
	ub->inode = alloc_anon_inode(udmabuf_mnt->mnt_sb);
	if (IS_ERR(ub->inode)) {
		ret = PTR_ERR(ub->inode);
		ub->inode = NULL;
		goto out_free_minor;
	}
	ret = udmabuf_alloc_memory(ub, cfg);
	if (ret)
		goto out_free_minor;
	return 0;

out_free_minor:
	ida_free(&udmabuf_minors, minor);
	return ret;
}

/**
 * udmabuf_create - allocate a buffer and make /dev/<name> for it
 * @cfg: name, minor, size, sync settings and the DMA device
 * @ref: if not NULL, receives the buffer with a reference for the caller
 *
 * Logs one line saying why when it fails; nothing is left behind then.
 */
int udmabuf_create(const struct udmabuf_config *cfg, struct udmabuf **ref)
{
	struct udmabuf *ub;
	int ret;

	ret = udmabuf_check_size(cfg);
	if (ret)
		return ret;
	ret = mutex_lock_killable(&udmabuf_list_lock);
	if (ret)
		return ret;
	if (udmabuf_find(cfg->name)) {
		pr_err("%s: a u-dma-buf of that name already exists\n",
		       cfg->name);
		ret = -EEXIST;
		goto out_unlock;
	}
	ret = udmabuf_check_dev_node(cfg->name);
	if (ret)
		goto out_unlock;
	ub = kzalloc(sizeof(*ub), GFP_KERNEL);
	if (!ub) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	udmabuf_init_from(ub, cfg);
	ret = udmabuf_setup(ub, cfg);
	if (ret)
		goto out_put;
	ret = cdev_device_add(&ub->cdev, &ub->dev);
	if (ret) {
		pr_err("%s: cannot add the device (%d)\n", cfg->name, ret);
		goto out_free_minor;
	}
	list_add_tail(&ub->node, &udmabuf_list);
	udmabuf_log_created(ub);
	if (ref)
		*ref = to_udmabuf(get_device(&ub->dev));
	mutex_unlock(&udmabuf_list_lock);
	return 0;

out_free_minor:
	ida_free(&udmabuf_minors, MINOR(ub->dev.devt));
out_put:
	put_device(&ub->dev);	/* frees the memory, the inode and ub */
out_unlock:
	mutex_unlock(&udmabuf_list_lock);
	return ret;
}

/*
 * Take a buffer off the list and remove its node and sysfs directory; the
 * caller has marked it dying and drops the list's reference afterwards.
 */
static void udmabuf_unpublish(struct udmabuf *ub)
{
	lockdep_assert_held(&udmabuf_list_lock);
	list_del_init(&ub->node);
	/* waits for sysfs callbacks to finish; no new open() gets through */
	cdev_device_del(&ub->cdev, &ub->dev);
	ida_free(&udmabuf_minors, MINOR(ub->dev.devt));
	dev_info(&ub->dev, "driver uninstalled\n");
}

static void udmabuf_mark_dying(struct udmabuf *ub)
{
	mutex_lock(&ub->lock);
	ub->dying = true;
	mutex_unlock(&ub->lock);
}

/*
 * Free the memory under whatever still has the buffer open: zap every
 * mapping, fail every later access, wait for copies in flight.
 */
static void udmabuf_revoke(struct udmabuf *ub)
{
	unsigned int users;

	mutex_lock(&ub->lock);
	ub->revoked = true;
	users = ub->open_count + ub->export_count;
	udmabuf_zap_exports(ub);
	mutex_unlock(&ub->lock);
	if (users)
		dev_warn(&ub->dev, "its device went away while it was open, mapped or exported %u time(s): mappings now fault (SIGBUS), file operations fail (ENODEV); importers of its dma-bufs must stop using them\n",
			 users);
	unmap_mapping_range(ub->inode->i_mapping, 0, 0, 1);
	down_write(&ub->mem_sem);
	udmabuf_free_memory(ub);
	up_write(&ub->mem_sem);
}

/**
 * udmabuf_remove - the buffer's DMA device is going away (device-tree unbind)
 * @ub: the buffer; the caller's reference is dropped
 *
 * Returns with the memory freed, so that the device can go.
 */
void udmabuf_remove(struct udmabuf *ub)
{
	mutex_lock(&udmabuf_list_lock);
	udmabuf_mark_dying(ub);
	if (!list_empty(&ub->node)) {
		udmabuf_unpublish(ub);
		put_device(&ub->dev);	/* the list's reference */
	}
	mutex_unlock(&udmabuf_list_lock);
	udmabuf_revoke(ub);
	put_device(&ub->dev);		/* the caller's */
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
	int ret;

	ret = mutex_lock_killable(&udmabuf_list_lock);
	if (ret)
		return ret;
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
	if (ub->open_count || ub->export_count) {
		udmabuf_reject(ub, "cannot delete: open or mapped %u time(s), exported as %u dma-buf(s); close them first\n",
			       ub->open_count, ub->export_count);
		ret = -EBUSY;
	} else {
		ub->dying = true;
	}
	mutex_unlock(&ub->lock);
	if (!ret) {
		udmabuf_unpublish(ub);
		put_device(&ub->dev);	/* the list's; frees the memory */
	}
out_unlock:
	mutex_unlock(&udmabuf_list_lock);
	return ret;
}

/* Module exit or failed init: no file is open (the module is pinned). */
void udmabuf_destroy_all(enum udmabuf_origin origin)
{
	struct udmabuf *ub, *next;

	mutex_lock(&udmabuf_list_lock);
	list_for_each_entry_safe(ub, next, &udmabuf_list, node) {
		if (ub->origin != origin)
			continue;
		udmabuf_mark_dying(ub);
		udmabuf_unpublish(ub);
		put_device(&ub->dev);
	}
	mutex_unlock(&udmabuf_list_lock);
}

/* ---------------------------------------------------------------------
 * parent devices
 */

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
typedef const struct bus_type udmabuf_bus_t;
#else
typedef struct bus_type udmabuf_bus_t;
#endif

static udmabuf_bus_t *udmabuf_bus(const char *name)
{
	if (!strcmp(name, "platform"))
		return &platform_bus_type;
#ifdef CONFIG_PCI
	if (!strcmp(name, "pci"))
		return &pci_bus_type;
#endif
	return NULL;
}

/**
 * udmabuf_find_parent - the device a buffer is to be allocated for
 * @bus: "platform" or "pci"
 * @device: the device's name on that bus, e.g. "0000:00:03.0"
 * @name: the buffer, for the log
 *
 * Returns the device with a reference, or an ERR_PTR after one log line.
 */
struct device *udmabuf_find_parent(const char *bus, const char *device,
				   const char *name)
{
	udmabuf_bus_t *bt = udmabuf_bus(bus);
	struct device *dev;

	if (!bt) {
		udmabuf_reject_pr("%s: bus '%s' is not one of platform, pci\n",
				  name, bus);
		return ERR_PTR(-EINVAL);
	}
	dev = bus_find_device_by_name(bt, NULL, device);
	if (!dev) {
		udmabuf_reject_pr("%s: no device '%s' on the %s bus (see /sys/bus/%s/devices/)\n",
				  name, device, bus, bus);
		return ERR_PTR(-ENODEV);
	}
	return dev;
}

/**
 * udmabuf_create_for - udmabuf_create() for a named parent device
 * @cfg: as for udmabuf_create(); dma_dev is filled in here
 * @bus: the parent's bus ("platform", "pci")
 * @device: the parent's name on it; NULL: the buffer's own device
 *
 * A bus device has its DMA configuration (DMA operations, IOMMU domain)
 * only while a driver is bound to it: the buffer is allocated under the
 * device lock with a driver bound, and revoked when the driver unbinds.
 */
int udmabuf_create_for(struct udmabuf_config *cfg, const char *bus,
		       const char *device)
{
	struct device *parent;
	int ret;

	if (!device)
		return udmabuf_create(cfg, NULL);
	parent = udmabuf_find_parent(bus, device, cfg->name);
	if (IS_ERR(parent))
		return PTR_ERR(parent);
	device_lock(parent);
	if (!parent->driver) {
		udmabuf_reject_pr("%s: %s has no driver bound, so no DMA configuration (nor IOMMU domain) yet; bind its driver first (e.g. uio_pci_generic)\n",
				  cfg->name, device);
		ret = -ENODEV;
	} else {
		cfg->dma_dev = parent;
		ret = udmabuf_create(cfg, NULL);
	}
	device_unlock(parent);
	put_device(parent);	/* the buffer holds its own */
	return ret;
}

/*
 * A parent device losing its driver (unbind, or removal, which unbinds
 * first) takes its buffers' memory with it: they are unpublished and
 * revoked while the device can still free DMA memory. BUS_NOTIFY_UNBIND_DRIVER
 * comes before the driver's remove and before the DMA operations are torn
 * down; BUS_NOTIFY_DEL_DEVICE catches a device removed without a driver.
 */
static void udmabuf_remove_children(struct device *dev)
{
	struct udmabuf *ub, *next;
	LIST_HEAD(gone);

	mutex_lock(&udmabuf_list_lock);
	list_for_each_entry_safe(ub, next, &udmabuf_list, node) {
		if (ub->dma_dev != dev || ub->origin == UDMABUF_FROM_OF)
			continue;
		udmabuf_mark_dying(ub);
		udmabuf_unpublish(ub);
		list_add_tail(&ub->node, &gone);	/* the list's reference */
	}
	mutex_unlock(&udmabuf_list_lock);

	list_for_each_entry_safe(ub, next, &gone, node) {
		list_del_init(&ub->node);
		udmabuf_revoke(ub);
		put_device(&ub->dev);
	}
}

static int udmabuf_bus_notify(struct notifier_block *nb, unsigned long action,
			      void *data)
{
	if (action != BUS_NOTIFY_UNBIND_DRIVER && action != BUS_NOTIFY_DEL_DEVICE)
		return NOTIFY_DONE;
	udmabuf_remove_children(data);
	return NOTIFY_OK;
}

static struct notifier_block udmabuf_platform_nb = {
	.notifier_call = udmabuf_bus_notify,
};
#ifdef CONFIG_PCI
static struct notifier_block udmabuf_pci_nb = {
	.notifier_call = udmabuf_bus_notify,
};
#endif

static int udmabuf_watch_parents(void)
{
	int ret;

	ret = bus_register_notifier(&platform_bus_type, &udmabuf_platform_nb);
#ifdef CONFIG_PCI
	if (!ret) {
		ret = bus_register_notifier(&pci_bus_type, &udmabuf_pci_nb);
		if (ret)
			bus_unregister_notifier(&platform_bus_type,
						&udmabuf_platform_nb);
	}
#endif
	return ret;
}

static void udmabuf_unwatch_parents(void)
{
#ifdef CONFIG_PCI
	bus_unregister_notifier(&pci_bus_type, &udmabuf_pci_nb);
#endif
	bus_unregister_notifier(&platform_bus_type, &udmabuf_platform_nb);
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
	if (ub->revoked)
		return -ENODEV;
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

/**
 * udmabuf_sync_value - sysfs sync_for_cpu/_device and their ioctls
 * @ub: the buffer
 * @for_device: which of the two
 * @val: 1 for the stored sync area, or a one-off range packed as
 *	0xOOOOOOOOSSSSSSSS: offset in bits 63-32, size in bits 31-4 (so a
 *	multiple of 16), direction in bits 3-2, bit 1 clear and bit 0 set
 * @who: the attribute or ioctl, for the log
 *
 * A packed size can only reach the end of a buffer whose size is a multiple
 * of 16; a range ending in the last 16-byte granule is cut at the end.
 * The stored attributes stay as they are.
 */
int udmabuf_sync_value(struct udmabuf *ub, bool for_device, u64 val,
		       const char *who)
{
	u64 offset = val >> 32, size = val & 0xfffffff0;
	int ret;

	if ((val & 3) != 1) {
		udmabuf_reject(ub, "%s: give 1, or 0xOOOOOOOOSSSSSSSS with bit 0 set and bit 1 clear (got 0x%llx)\n",
			       who, val);
		return -EINVAL;
	}
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	if (val == 1) {
		ret = udmabuf_sync(ub, for_device, ub->sync_offset,
				   ub->sync_size, ub->sync_direction);
	} else {
		if (offset <= ub->size && offset + size > ub->size &&
		    offset + size <= ALIGN(ub->size, 16))
			size = ub->size - offset;
		ret = udmabuf_sync(ub, for_device, offset, size,
				   (val >> 2) & 3);
	}
	mutex_unlock(&ub->lock);
	return ret;
}

/* ---------------------------------------------------------------------
 * class, character device region and the inodes' pseudo file system
 */

static int udmabuf_fs_init_fs_context(struct fs_context *fc)
{
	return init_pseudo(fc, UDMABUF_FS_MAGIC) ? 0 : -ENOMEM;
}

/*
 * NOTE: no .owner: a mounted file system pins its owner, and this one is
 * mounted for as long as the module is loaded; core_exit unmounts it.
 */
static struct file_system_type udmabuf_fs_type = {
	.name			= UDMABUF_DRIVER_NAME,
	.init_fs_context	= udmabuf_fs_init_fs_context,
	.kill_sb		= kill_anon_super,
};

int udmabuf_core_init(void)
{
	int ret;

	udmabuf_mnt = kern_mount(&udmabuf_fs_type);
	if (IS_ERR(udmabuf_mnt))
		return PTR_ERR(udmabuf_mnt);
	ret = alloc_chrdev_region(&udmabuf_devt, 0, UDMABUF_MINORS,
				  UDMABUF_DRIVER_NAME);
	if (ret)
		goto out_unmount;
	ret = class_register(&udmabuf_class);
	if (ret)
		goto out_unregister_region;
	ret = udmabuf_watch_parents();
	if (ret)
		goto out_unregister_class;
	return 0;

out_unregister_class:
	class_unregister(&udmabuf_class);
out_unregister_region:
	unregister_chrdev_region(udmabuf_devt, UDMABUF_MINORS);
out_unmount:
	kern_unmount(udmabuf_mnt);
	return ret;
}

/* After every buffer's last reference: their inodes live on udmabuf_mnt. */
void udmabuf_core_exit(void)
{
	udmabuf_unwatch_parents();
	class_unregister(&udmabuf_class);
	unregister_chrdev_region(udmabuf_devt, UDMABUF_MINORS);
	ida_destroy(&udmabuf_minors);
	kern_unmount(udmabuf_mnt);
}
