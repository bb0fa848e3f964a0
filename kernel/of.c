// SPDX-License-Identifier: GPL-2.0
/*
 * of.c - buffers described in the device tree
 *
 *	udmabuf@0 {
 *		compatible = "ikwzm,u-dma-buf";
 *		size = <0x00100000>;		// or <high low> for >= 4 GiB
 *		minor-number = <0>;		// 0-255, optional
 *		device-name = "udmabuf0";	// optional
 *		sync-mode = <1>;		// 1-3, optional
 *		sync-always;			// optional
 *		sync-offset = <0>;		// optional, one or two cells
 *		sync-size = <0x00100000>;	// optional, one or two cells
 *		sync-direction = <0>;		// 0-2, optional
 *		dma-coherent;			// optional
 *		dma-mask = <32>;		// 12-64, optional
 *		memory-region = <&pool>;	// optional shared-dma-pool
 *		quirk-mmap-page;		// optional: page mode (O_DIRECT)
 *	};
 *
 * Every property is checked before anything is allocated; a bad one fails
 * the probe with a line naming it and leaves no device behind.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_reserved_mem.h>
#include <linux/platform_device.h>
#include <linux/version.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

/* Read a one- or two-cell number; -ENOENT when the property is absent. */
static int udmabuf_of_read_u64(struct device *dev, const char *prop, u64 *val)
{
	u32 cells[2];
	int n;

	if (!of_find_property(dev->of_node, prop, NULL))
		return -ENOENT;
	n = of_property_count_u32_elems(dev->of_node, prop);
	if ((n != 1 && n != 2) ||
	    of_property_read_u32_array(dev->of_node, prop, cells, n)) {
		dev_err(dev, "%s: must be one cell or two (high, low)\n", prop);
		return -EINVAL;
	}
	*val = n == 1 ? cells[0] : ((u64)cells[0] << 32 | cells[1]);
	return 0;
}

/* Read an optional one-cell number in [min, max]; absent keeps *val. */
static int udmabuf_of_read_u32(struct device *dev, const char *prop,
			       u32 min, u32 max, u32 *val)
{
	u32 v;
	int ret;

	if (!of_find_property(dev->of_node, prop, NULL))
		return 0;
	/* of_property_read_u32() would take the first of several cells */
	if (of_property_count_u32_elems(dev->of_node, prop) != 1)
		ret = -EINVAL;
	else
		ret = of_property_read_u32(dev->of_node, prop, &v);
	if (ret || v < min || v > max) {
		dev_err(dev, "%s: must be one cell from %u to %u\n",
			prop, min, max);
		return -EINVAL;
	}
	*val = v;
	return 0;
}

static int udmabuf_of_size(struct device *dev, struct udmabuf_config *cfg)
{
	u64 off = 0;
	int ret;

	ret = udmabuf_of_read_u64(dev, "size", &cfg->size);
	if (ret == -ENOENT)
		dev_err(dev, "size: property missing; it is required\n");
	if (ret)
		return -EINVAL;
	if (cfg->size == 0 || cfg->size > SIZE_MAX - PAGE_SIZE) {
		dev_err(dev, "size: %llu is not a size this kernel can map\n",
			cfg->size);
		return -EINVAL;
	}
	cfg->sync_size = cfg->size;
	ret = udmabuf_of_read_u64(dev, "sync-offset", &off);
	if (ret == -EINVAL)
		return ret;
	ret = udmabuf_of_read_u64(dev, "sync-size", &cfg->sync_size);
	if (ret == -EINVAL)
		return ret;
	if (off > cfg->size || cfg->sync_size > cfg->size - off) {
		dev_err(dev, "sync-offset/sync-size: %llu + %llu passes the end of the %llu-byte buffer\n",
			off, cfg->sync_size, cfg->size);
		return -EINVAL;
	}
	cfg->sync_offset = off;
	return 0;
}

/* device-name, else udmabuf<minor-number>, else the node's name. */
static int udmabuf_of_name(struct device *dev, struct udmabuf_config *cfg,
			   char *name)
{
	struct device_node *np = dev->of_node;
	const char *src = kbasename(of_node_full_name(np));
	u32 minor = 0;
	int ret;

	ret = udmabuf_of_read_u32(dev, "minor-number", 0, UDMABUF_MINORS - 1,
				  &minor);
	if (ret)
		return ret;
	cfg->minor = of_find_property(np, "minor-number", NULL) ? minor : -1;

	if (of_find_property(np, "device-name", NULL) &&
	    of_property_read_string(np, "device-name", &src)) {
		dev_err(dev, "device-name: must be a string\n");
		return -EINVAL;
	}
	if (!of_find_property(np, "device-name", NULL) && cfg->minor >= 0)
		snprintf(name, UDMABUF_NAME_MAX, "udmabuf%d", cfg->minor);
	else if (strscpy(name, src, UDMABUF_NAME_MAX) < 0)
		name[0] = '\0';	/* too long: refused below */

	if (!udmabuf_name_ok(name)) {
		dev_err(dev, "device-name: '%s' is not a usable name (1-%d visible characters, no '/')\n",
			src, UDMABUF_NAME_MAX - 1);
		return -EINVAL;
	}
	cfg->name = name;
	return 0;
}

static int udmabuf_of_sync(struct device *dev, struct udmabuf_config *cfg)
{
	int ret;

	cfg->sync_mode = 1;
	ret = udmabuf_of_read_u32(dev, "sync-mode", 1, 3, &cfg->sync_mode);
	if (ret)
		return ret;
	if (of_property_read_bool(dev->of_node, "sync-always"))
		cfg->sync_mode += 4;
	if (of_property_read_bool(dev->of_node, "quirk-mmap-page"))
		cfg->mmap_mode = U_DMA_BUF_MMAP_MODE_PAGE;
	cfg->sync_direction = 0;
	return udmabuf_of_read_u32(dev, "sync-direction", 0, UDMABUF_DIR_MAX,
				   &cfg->sync_direction);
}

static int udmabuf_of_dma(struct device *dev)
{
	u32 bits = 0;
	int ret;

	ret = udmabuf_of_read_u32(dev, "dma-mask", 12, 64, &bits);
	if (ret || !bits)
		return ret;
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(bits));
	if (ret)
		dev_err(dev, "dma-mask: %u bits is not supported here (%d)\n",
			bits, ret);
	return ret;
}

static int udmabuf_of_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct udmabuf_config cfg = {
		.dma_dev = dev,
		.origin = UDMABUF_FROM_OF,
	};
	bool region = of_find_property(dev->of_node, "memory-region", NULL);
	char name[UDMABUF_NAME_MAX];
	struct udmabuf *ub;
	int ret;

	ret = udmabuf_of_size(dev, &cfg);
	if (!ret)
		ret = udmabuf_of_name(dev, &cfg, name);
	if (!ret)
		ret = udmabuf_of_sync(dev, &cfg);
	if (!ret)
		ret = udmabuf_of_dma(dev);
	if (ret)
		return ret;

	if (region) {
		ret = of_reserved_mem_device_init(dev);
		if (ret) {
			dev_err(dev, "memory-region: cannot use it (%d); it must point at a reserved-memory node with compatible \"shared-dma-pool\"\n",
				ret);
			return ret;
		}
	}
	ret = udmabuf_create(&cfg, &ub);
	if (ret) {
		dev_err(dev, "%s: not created (%d)\n", name, ret);
		goto out_release_region;
	}
	platform_set_drvdata(pdev, ub);	/* with its reference */
	return 0;

out_release_region:
	if (region)
		of_reserved_mem_device_release(dev);
	return ret;
}

/*
 * The platform device is going away (rmmod, or its node removed): the
 * memory allocated for it must go first, even from under open files.
 */
static void udmabuf_of_teardown(struct platform_device *pdev)
{
	udmabuf_remove(platform_get_drvdata(pdev));
	if (of_find_property(pdev->dev.of_node, "memory-region", NULL))
		of_reserved_mem_device_release(&pdev->dev);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
static void udmabuf_of_remove(struct platform_device *pdev)
{
	udmabuf_of_teardown(pdev);
}
#else
static int udmabuf_of_remove(struct platform_device *pdev)
{
	udmabuf_of_teardown(pdev);
	return 0;
}
#endif

static const struct of_device_id udmabuf_of_match[] = {
	{ .compatible = "ikwzm,u-dma-buf" },
	{ }
};
MODULE_DEVICE_TABLE(of, udmabuf_of_match);

struct platform_driver udmabuf_of_driver = {
	.probe	= udmabuf_of_probe,
	.remove	= udmabuf_of_remove,
	.driver	= {
		.name			= UDMABUF_DRIVER_NAME,
		.of_match_table		= udmabuf_of_match,
		/* no unbind from sysfs: a buffer is removed with its node only */
		.suppress_bind_attrs	= true,
	},
};
