// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - u-dma-buf: physically contiguous DMA buffers for user space
 *
 * Buffers come from the module parameters udmabuf0..udmabuf7 (size in
 * bytes, any base), from device-tree nodes compatible with
 * "ikwzm,u-dma-buf", and from commands written to /dev/u-dma-buf-mgr.
 * Each is /dev/<name> (mmap, read, write, ioctl; see u-dma-buf-ioctl.h)
 * and /sys/class/u-dma-buf/<name>/ (phys_addr, size, sync_* ...).
 *
 * A module parameter that cannot be allocated makes insmod fail, with a
 * line saying why, and leaves nothing loaded. No buffer can be opened
 * before init has succeeded (udmabuf_live): a failed init frees them all.
 */
#define pr_fmt(fmt) "u-dma-buf: " fmt

#include <linux/err.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

#define UDMABUF_PARAMS	8

static unsigned long long udmabuf_sizes[UDMABUF_PARAMS];
static char *udmabuf_binds[UDMABUF_PARAMS];

#define UDMABUF_PARAM(n)						\
	module_param_named(udmabuf##n, udmabuf_sizes[n], ullong, 0444);	\
	MODULE_PARM_DESC(udmabuf##n,					\
		"size in bytes of /dev/udmabuf" #n " (default 0: none)");	\
	module_param_named(udmabuf##n##_bind, udmabuf_binds[n], charp, 0444); \
	MODULE_PARM_DESC(udmabuf##n##_bind,				\
		"<bus>/<device> to allocate /dev/udmabuf" #n " for (default: bind)")

UDMABUF_PARAM(0);
UDMABUF_PARAM(1);
UDMABUF_PARAM(2);
UDMABUF_PARAM(3);
UDMABUF_PARAM(4);
UDMABUF_PARAM(5);
UDMABUF_PARAM(6);
UDMABUF_PARAM(7);

static char *udmabuf_bind;
module_param_named(bind, udmabuf_bind, charp, 0444);
MODULE_PARM_DESC(bind,
	"<bus>/<device> (bus platform or pci) the udmabufN buffers are allocated for (default: their own device)");

unsigned int udmabuf_default_mmap_mode = U_DMA_BUF_MMAP_MODE_PFN;
module_param_named(quirk_mmap_mode, udmabuf_default_mmap_mode, uint, 0444);
MODULE_PARM_DESC(quirk_mmap_mode,
	"how buffers are mapped: 2 page frames, 4 pages so that O_DIRECT works (default 2)");

unsigned int udmabuf_default_dma_mask_bits = UDMABUF_DMA_MASK_BITS;
module_param_named(dma_mask_bit, udmabuf_default_dma_mask_bits, uint, 0444);
MODULE_PARM_DESC(dma_mask_bit,
	"DMA address bits of buffers made for their own device, 12-64 (default 32)");

/* The parameters that are not buffers, checked before anything is made. */
static int __init udmabuf_check_params(void)
{
	if (udmabuf_default_mmap_mode != U_DMA_BUF_MMAP_MODE_PFN &&
	    udmabuf_default_mmap_mode != U_DMA_BUF_MMAP_MODE_PAGE) {
		pr_err("quirk_mmap_mode=%u: use 2 (page frames) or 4 (pages, for O_DIRECT); module not loaded\n",
		       udmabuf_default_mmap_mode);
		return -EINVAL;
	}
	if (udmabuf_default_dma_mask_bits < 12 || udmabuf_default_dma_mask_bits > 64) {
		pr_err("dma_mask_bit=%u: use 12 to 64; module not loaded\n",
		       udmabuf_default_dma_mask_bits);
		return -EINVAL;
	}
	return 0;
}

/* "<bus>/<device>", or "<device>" on the platform bus; NULL: none. */
static struct device *__init udmabuf_param_parent(int i, const char *name)
{
	char spec[UDMABUF_NAME_MAX * 2], *device, *bus = "platform";
	const char *bind = udmabuf_binds[i] ? udmabuf_binds[i] : udmabuf_bind;

	if (!bind || !*bind)
		return NULL;
	strscpy(spec, bind, sizeof(spec));
	device = strchr(spec, '/');
	if (device) {
		*device++ = '\0';
		bus = spec;
	} else {
		device = spec;
	}
	return udmabuf_find_parent(bus, device, name);
}

static int __init udmabuf_create_param(int i)
{
	char name[UDMABUF_NAME_MAX];
	struct udmabuf_config cfg = {
		.name = name,
		.minor = i,
		.size = udmabuf_sizes[i],
		.sync_mode = 1,
		.sync_size = udmabuf_sizes[i],
		.origin = UDMABUF_FROM_PARAM,
	};
	int ret;

	snprintf(name, sizeof(name), "udmabuf%d", i);
	cfg.dma_dev = udmabuf_param_parent(i, name);
	if (IS_ERR(cfg.dma_dev))
		return PTR_ERR(cfg.dma_dev);
	ret = udmabuf_create(&cfg, NULL);
	if (cfg.dma_dev)
		put_device(cfg.dma_dev);	/* the buffer holds its own */
	return ret;
}

static int __init udmabuf_create_params(void)
{
	int i, ret;

	for (i = 0; i < UDMABUF_PARAMS; i++) {
		if (!udmabuf_sizes[i])
			continue;
		ret = udmabuf_create_param(i);
		if (ret) {
			pr_err("udmabuf%d=%llu could not be created (%d); module not loaded\n",
			       i, udmabuf_sizes[i], ret);
			udmabuf_destroy_all(UDMABUF_FROM_PARAM);
			return ret;
		}
	}
	return 0;
}

static int __init udmabuf_init(void)
{
	int ret;

	ret = udmabuf_check_params();
	if (ret)
		return ret;
	ret = udmabuf_core_init();
	if (ret)
		return ret;
	ret = udmabuf_create_params();
	if (ret)
		goto out_core_exit;
	ret = platform_driver_register(&udmabuf_of_driver);
	if (ret)
		goto out_destroy_params;
	ret = misc_register(&udmabuf_mgr);
	if (ret)
		goto out_unregister_driver;
	/* from here on nothing fails: files may be opened */
	smp_store_release(&udmabuf_live, true);
	return 0;

out_unregister_driver:
	platform_driver_unregister(&udmabuf_of_driver);
out_destroy_params:
	udmabuf_destroy_all(UDMABUF_FROM_PARAM);
out_core_exit:
	udmabuf_core_exit();
	return ret;
}

static void __exit udmabuf_exit(void)
{
	misc_deregister(&udmabuf_mgr);
	platform_driver_unregister(&udmabuf_of_driver);
	udmabuf_destroy_all(UDMABUF_FROM_MGR);
	udmabuf_destroy_all(UDMABUF_FROM_PARAM);
	udmabuf_core_exit();
}

module_init(udmabuf_init);
module_exit(udmabuf_exit);

MODULE_DESCRIPTION("User space mappable DMA buffers");
MODULE_VERSION(UDMABUF_DRIVER_VERSION);
MODULE_LICENSE("GPL");
