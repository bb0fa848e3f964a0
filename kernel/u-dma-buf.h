/* SPDX-License-Identifier: GPL-2.0 */
/*
 * u-dma-buf.h - private declarations shared by the u-dma-buf driver's files
 *
 * core.c   the buffer object: creation, lookup, destruction, cache sync
 * dev.c    /dev/<name>: open, mmap, read, write, llseek, ioctl
 * sysfs.c  /sys/class/u-dma-buf/<name>/ attributes
 * of.c     device-tree probe ("ikwzm,u-dma-buf")
 * ioctl.c  the ioctls of /dev/<name> (u-dma-buf-ioctl.h)
 * export.c DMA-BUF export of a range
 * mgr.c    /dev/u-dma-buf-mgr
 * main.c   module parameters udmabuf0..7, init and exit
 */
#ifndef _U_DMA_BUF_H
#define _U_DMA_BUF_H

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/ratelimit.h>
#include <linux/types.h>

#define UDMABUF_DRIVER_NAME	"u-dma-buf"
#define UDMABUF_DRIVER_VERSION	"1.0.0"
#define UDMABUF_MINORS		256
#define UDMABUF_NAME_MAX	64	/* bytes, with the terminating NUL */
#define UDMABUF_SYNC_MODE_MAX	7
#define UDMABUF_DIR_MAX		2	/* sync_direction 0, 1 or 2 */
#define UDMABUF_DMA_MASK_BITS	32	/* default, as the original driver */

/* Who made a buffer; decides who may delete it. */
enum udmabuf_origin {
	UDMABUF_FROM_PARAM,	/* module parameter udmabufN */
	UDMABUF_FROM_OF,	/* device-tree node, owned by its platform device */
	UDMABUF_FROM_MGR,	/* "create" written to /dev/u-dma-buf-mgr */
};

/* What a buffer is made from; filled by main.c, of.c or mgr.c. */
struct udmabuf_config {
	const char *name;
	int minor;			/* -1: the first free one */
	u64 size;
	unsigned int sync_mode;
	u64 sync_offset;
	u64 sync_size;
	unsigned int sync_direction;
	struct device *dma_dev;		/* NULL: allocate for the buffer's own device */
	unsigned int dma_mask_bits;	/* own device only; 0: UDMABUF_DMA_MASK_BITS */
	unsigned int mmap_mode;		/* 0: the quirk_mmap_mode parameter */
	enum udmabuf_origin origin;
};

struct udmabuf {
	struct device dev;	/* /dev/<name> + sysfs; its refcount owns it all */
	struct cdev cdev;
	struct inode *inode;	/* every open file's f_mapping: revoke zaps it */
	struct device *dma_dev;	/* the device the memory was allocated for */
	u64 dma_mask;		/* dev.dma_mask points here when dma_dev == &dev */
	u64 size;		/* bytes asked for */
	size_t alloc_size;	/* PAGE_ALIGN(size): allocated, zeroed, mappable */
	unsigned int mmap_mode;	/* U_DMA_BUF_MMAP_MODE_PFN or _PAGE */
	enum udmabuf_origin origin;
	struct list_head node;	/* on udmabuf_list, guarded by udmabuf_list_lock */

	/*
	 * Held for reading while read() or write() copies between user memory
	 * and vaddr (ub->lock is not held then); for writing when a revoke
	 * frees the memory under the files still open.
	 */
	struct rw_semaphore mem_sem;
	void *vaddr;		/* kernel address; NULL once freed */
	dma_addr_t dma_addr;
	unsigned long pfn;	/* first page frame; the pages were checked linear */
	bool tails_unref;	/* page mode: tail pages came with refcount 0 */

	struct mutex lock;	/* guards the fields below; never held across a user copy */
	unsigned int open_count;
	unsigned int export_count;	/* dma-bufs alive */
	struct list_head exports;	/* their struct udmabuf_export */
	bool dying;		/* unpublished: open() fails */
	bool revoked;		/* memory freed under open files: every access fails */
	unsigned int sync_mode;
	u64 sync_offset;
	u64 sync_size;
	unsigned int sync_direction;
	unsigned int sync_owner;	/* 0 = CPU, 1 = device */
};

static inline struct udmabuf *to_udmabuf(struct device *dev)
{
	return container_of(dev, struct udmabuf, dev);
}

/*
 * Requests user space can repeat are logged through one rate limit with a
 * burst large enough that a test's batch of bad requests is not silenced.
 */
extern struct ratelimit_state udmabuf_reject_rs;

#define udmabuf_reject(ub, fmt, ...)					\
	do {								\
		if (__ratelimit(&udmabuf_reject_rs))			\
			dev_err(&(ub)->dev, fmt, ##__VA_ARGS__);	\
	} while (0)

#define udmabuf_reject_pr(fmt, ...)					\
	do {								\
		if (__ratelimit(&udmabuf_reject_rs))			\
			pr_err(fmt, ##__VA_ARGS__);			\
	} while (0)

/* main.c */
extern unsigned int udmabuf_default_mmap_mode;
extern unsigned int udmabuf_default_dma_mask_bits;

/* core.c */
extern struct class udmabuf_class;
extern struct mutex udmabuf_list_lock;
int udmabuf_core_init(void);
void udmabuf_core_exit(void);
bool udmabuf_name_ok(const char *name);
extern bool udmabuf_live;
int udmabuf_create(const struct udmabuf_config *cfg, struct udmabuf **ref);
void udmabuf_put(struct udmabuf *ub);
struct device *udmabuf_find_parent(const char *bus, const char *device,
				   const char *name);
void udmabuf_remove(struct udmabuf *ub);
int udmabuf_delete(const char *name);
void udmabuf_destroy_all(enum udmabuf_origin origin);
int udmabuf_sync(struct udmabuf *ub, bool for_device, u64 offset, u64 size,
		 unsigned int direction);
int udmabuf_sync_value(struct udmabuf *ub, bool for_device, u64 val,
		       const char *who);
bool udmabuf_is_coherent(struct udmabuf *ub);

/* dev.c */
extern const struct file_operations udmabuf_fops;

int udmabuf_mmap_vma(struct udmabuf *ub, struct vm_area_struct *vma,
		     bool o_sync);

/* export.c */
long udmabuf_export(struct udmabuf *ub, struct file *file, void __user *arg);
void udmabuf_zap_exports(struct udmabuf *ub);

/* ioctl.c */
long udmabuf_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* sysfs.c */
extern const struct attribute_group *udmabuf_groups[];

/* of.c */
extern struct platform_driver udmabuf_of_driver;

/* mgr.c */
extern struct miscdevice udmabuf_mgr;

#endif /* _U_DMA_BUF_H */
