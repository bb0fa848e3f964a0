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

#define UDMABUF_PARAMS	8

static unsigned long long udmabuf_sizes[UDMABUF_PARAMS];

#define UDMABUF_PARAM(n)						\
	module_param_named(udmabuf##n, udmabuf_sizes[n], ullong, 0444);	\
	MODULE_PARM_DESC(udmabuf##n,					\
		"size in bytes of /dev/udmabuf" #n " (default 0: none)")

UDMABUF_PARAM(0);
UDMABUF_PARAM(1);
UDMABUF_PARAM(2);
UDMABUF_PARAM(3);
UDMABUF_PARAM(4);
UDMABUF_PARAM(5);
UDMABUF_PARAM(6);
UDMABUF_PARAM(7);

static int __init udmabuf_create_params(void)
{
	char name[UDMABUF_NAME_MAX];
	struct udmabuf_config cfg = {
		.name = name,
		.sync_mode = 1,
		.origin = UDMABUF_FROM_PARAM,
	};
	int i, ret;

	for (i = 0; i < UDMABUF_PARAMS; i++) {
		if (!udmabuf_sizes[i])
			continue;
		snprintf(name, sizeof(name), "udmabuf%d", i);
		cfg.minor = i;
		cfg.size = udmabuf_sizes[i];
		cfg.sync_size = udmabuf_sizes[i];
		ret = udmabuf_create(&cfg, NULL);
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
