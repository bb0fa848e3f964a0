// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs.c - /sys/class/u-dma-buf/<name>/ attributes
 *
 * Numbers are written in any base ("16", "0x10"); garbage, trailing junk
 * and out-of-range values fail with EINVAL and change nothing. Read-back
 * formats are the original driver's: phys_addr in hex with 0x, the rest in
 * decimal.
 */
#include <linux/kernel.h>
#include <linux/sysfs.h>

#include "u-dma-buf.h"

/*
 * Parse one number no larger than @max, logging why when it is refused.
 * kstrtou64() stops at a NUL: a write with one inside is junk too.
 */
static int udmabuf_parse(struct udmabuf *ub, const char *attr,
			 const char *buf, size_t count, u64 max, u64 *val)
{
	int ret = kstrtou64(buf, 0, val);

	if (memchr(buf, '\0', count)) {
		udmabuf_reject(ub, "%s: a write with a NUL byte in it is refused\n",
			       attr);
		return -EINVAL;
	}
	if (ret || *val > max) {
		udmabuf_reject(ub, "%s: '%.*s' is not a number from 0 to %llu\n",
			       attr, (int)strcspn(buf, "\n"), buf, max);
		return -EINVAL;
	}
	return 0;
}

static ssize_t phys_addr_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%llx\n", (u64)to_udmabuf(dev)->dma_addr);
}
static DEVICE_ATTR_RO(phys_addr);

static ssize_t size_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%llu\n", to_udmabuf(dev)->size);
}
static DEVICE_ATTR_RO(size);

static ssize_t dma_coherent_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", udmabuf_is_coherent(to_udmabuf(dev)));
}
static DEVICE_ATTR_RO(dma_coherent);

static ssize_t driver_version_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", UDMABUF_DRIVER_VERSION);
}
static DEVICE_ATTR_RO(driver_version);

/* Show one u64 or unsigned int field of the buffer under its lock. */
#define UDMABUF_FIELD_SHOW(field)					\
static ssize_t field##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	struct udmabuf *ub = to_udmabuf(dev);				\
	u64 val;							\
									\
	mutex_lock(&ub->lock);						\
	val = ub->field;						\
	mutex_unlock(&ub->lock);					\
	return sysfs_emit(buf, "%llu\n", val);				\
}

/* Store one field, bounded by @max (evaluated with ub in scope). */
#define UDMABUF_FIELD_STORE(field, max)					\
static ssize_t field##_store(struct device *dev,			\
			     struct device_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	struct udmabuf *ub = to_udmabuf(dev);				\
	u64 val;							\
	int ret;							\
									\
	ret = udmabuf_parse(ub, #field, buf, count, (max), &val);	\
	if (ret)							\
		return ret;						\
	ret = mutex_lock_killable(&ub->lock);				\
	if (ret)							\
		return ret;						\
	ub->field = val;						\
	mutex_unlock(&ub->lock);					\
	return count;							\
}

UDMABUF_FIELD_SHOW(sync_mode)
UDMABUF_FIELD_STORE(sync_mode, UDMABUF_SYNC_MODE_MAX)
static DEVICE_ATTR_RW(sync_mode);

UDMABUF_FIELD_SHOW(sync_offset)
UDMABUF_FIELD_STORE(sync_offset, ub->size)
static DEVICE_ATTR_RW(sync_offset);

UDMABUF_FIELD_SHOW(sync_size)
UDMABUF_FIELD_STORE(sync_size, ub->size)
static DEVICE_ATTR_RW(sync_size);

UDMABUF_FIELD_SHOW(sync_direction)
UDMABUF_FIELD_STORE(sync_direction, UDMABUF_DIR_MAX)
static DEVICE_ATTR_RW(sync_direction);

UDMABUF_FIELD_SHOW(sync_owner)
static DEVICE_ATTR_RO(sync_owner);

/*
 * sync_for_cpu / sync_for_device take 1 (the stored sync_offset, sync_size
 * and sync_direction) or a one-off range packed as 0xOOOOOOOOSSSSSSSS:
 * offset in bits 63-32, size in bits 31-4 (a multiple of 16), direction in
 * bits 3-2, bit 1 zero and bit 0 one. The stored attributes stay as they are.
 */
static ssize_t udmabuf_sync_store(struct device *dev, const char *attr,
				  const char *buf, size_t count,
				  bool for_device)
{
	struct udmabuf *ub = to_udmabuf(dev);
	u64 val;
	int ret;

	ret = udmabuf_parse(ub, attr, buf, count, U64_MAX, &val);
	if (ret)
		return ret;
	if ((val & 3) != 1) {
		udmabuf_reject(ub, "%s: write 1, or 0xOOOOOOOOSSSSSSSS with bit 0 set and bit 1 clear (got 0x%llx)\n",
			       attr, val);
		return -EINVAL;
	}
	ret = mutex_lock_killable(&ub->lock);
	if (ret)
		return ret;
	if (val == 1)
		ret = udmabuf_sync(ub, for_device, ub->sync_offset,
				   ub->sync_size, ub->sync_direction);
	else
		ret = udmabuf_sync(ub, for_device, val >> 32,
				   val & 0xfffffff0, (val >> 2) & 3);
	mutex_unlock(&ub->lock);
	return ret ? ret : count;
}

static ssize_t sync_for_cpu_store(struct device *dev,
				  struct device_attribute *attr,
				  const char *buf, size_t count)
{
	return udmabuf_sync_store(dev, "sync_for_cpu", buf, count, false);
}
static DEVICE_ATTR_WO(sync_for_cpu);

static ssize_t sync_for_device_store(struct device *dev,
				     struct device_attribute *attr,
				     const char *buf, size_t count)
{
	return udmabuf_sync_store(dev, "sync_for_device", buf, count, true);
}
static DEVICE_ATTR_WO(sync_for_device);

static struct attribute *udmabuf_attrs[] = {
	&dev_attr_phys_addr.attr,
	&dev_attr_size.attr,
	&dev_attr_sync_mode.attr,
	&dev_attr_sync_offset.attr,
	&dev_attr_sync_size.attr,
	&dev_attr_sync_direction.attr,
	&dev_attr_sync_owner.attr,
	&dev_attr_sync_for_cpu.attr,
	&dev_attr_sync_for_device.attr,
	&dev_attr_dma_coherent.attr,
	&dev_attr_driver_version.attr,
	NULL,
};

static const struct attribute_group udmabuf_group = {
	.attrs = udmabuf_attrs,
};

const struct attribute_group *udmabuf_groups[] = {
	&udmabuf_group,
	NULL,
};
