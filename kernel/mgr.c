// SPDX-License-Identifier: GPL-2.0
/*
 * mgr.c - /dev/u-dma-buf-mgr: create and delete buffers at run time
 *
 *	echo "create udmabuf8 0x10000" > /dev/u-dma-buf-mgr
 *	echo "delete udmabuf8"         > /dev/u-dma-buf-mgr
 *
 * create takes options, as upstream's u-dma-buf-mgr: bus=<bus> and
 * device=<device> allocate for that device (its DMA mask, its IOMMU; bus
 * defaults to platform), dma-mask=<bits> sets the mask of a buffer made for
 * its own device, quirk-mmap-page maps it in page mode (O_DIRECT works).
 *
 * One write may hold several commands separated by newlines or ';'. The
 * whole write is parsed before anything runs, so a syntax error changes
 * nothing; commands then run in order and the first failure ends the write
 * with its errno (the ones before it have taken effect). A write with a NUL
 * byte anywhere in it is refused whole.
 */
#define pr_fmt(fmt) "u-dma-buf-mgr: " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "u-dma-buf.h"
#include "u-dma-buf-ioctl.h"

#define UDMABUF_MGR_WRITE_MAX	1024	/* bytes in one write() */
#define UDMABUF_MGR_LINE_MAX	128	/* bytes in one command */
#define UDMABUF_MGR_CMDS	16	/* commands in one write() */

#define UDMABUF_MGR_WORDS	7	/* create <name> <size> and 4 options */

struct udmabuf_mgr_cmd {
	bool create;
	const char *name;
	u64 size;
	const char *bus;		/* NULL: the buffer's own device */
	const char *device;
	unsigned int dma_mask_bits;	/* 0: the dma_mask_bit parameter */
	unsigned int mmap_mode;		/* 0: the quirk_mmap_mode parameter */
};

/* Split @line into at most @max words; returns the count or -E2BIG. */
static int udmabuf_mgr_split(char *line, char **words, int max)
{
	char *word;
	int n = 0;

	while ((word = strsep(&line, " \t\r")) != NULL) {
		if (!*word)
			continue;
		if (n == max)
			return -E2BIG;
		words[n++] = word;
	}
	return n;
}

/* One create option: bus=, device=, dma-mask=, quirk-mmap-page. */
static int udmabuf_mgr_option(char *word, struct udmabuf_mgr_cmd *cmd)
{
	char *val = strchr(word, '=');

	if (!strcmp(word, "quirk-mmap-page")) {
		cmd->mmap_mode = U_DMA_BUF_MMAP_MODE_PAGE;
		return 0;
	}
	if (val)
		*val++ = '\0';
	if (val && !strcmp(word, "bus") && *val) {
		cmd->bus = val;
		return 0;
	}
	if (val && !strcmp(word, "device") && *val) {
		cmd->device = val;
		return 0;
	}
	if (val && !strcmp(word, "dma-mask") &&
	    !kstrtouint(val, 0, &cmd->dma_mask_bits) &&
	    cmd->dma_mask_bits >= 12 && cmd->dma_mask_bits <= 64)
		return 0;
	udmabuf_reject_pr("create %s: option '%s%s%s' refused; use bus=<bus> device=<device> dma-mask=<12-64> quirk-mmap-page\n",
			  cmd->name, word, val ? "=" : "", val ? val : "");
	return -EINVAL;
}

/* Options that only make sense together. */
static int udmabuf_mgr_check_options(struct udmabuf_mgr_cmd *cmd)
{
	if (cmd->bus && !cmd->device) {
		udmabuf_reject_pr("create %s: bus=%s needs device=<device>\n",
				  cmd->name, cmd->bus);
		return -EINVAL;
	}
	if (cmd->device && !cmd->bus)
		cmd->bus = "platform";
	if (cmd->device && cmd->dma_mask_bits) {
		udmabuf_reject_pr("create %s: dma-mask= is for buffers made for their own device; %s's driver sets its mask\n",
				  cmd->name, cmd->device);
		return -EINVAL;
	}
	return 0;
}

/* Returns 1 for a command, 0 for a blank line, -EINVAL for a bad one. */
static int udmabuf_mgr_parse(char *line, struct udmabuf_mgr_cmd *cmd)
{
	char *w[UDMABUF_MGR_WORDS];
	int n, i, ret;

	if (strlen(line) > UDMABUF_MGR_LINE_MAX) {
		udmabuf_reject_pr("command longer than %d bytes refused\n",
				  UDMABUF_MGR_LINE_MAX);
		return -EINVAL;
	}
	memset(cmd, 0, sizeof(*cmd));
	n = udmabuf_mgr_split(line, w, ARRAY_SIZE(w));
	if (n == 0)
		return 0;
	cmd->create = n >= 3 && !strcmp(w[0], "create");
	if (!cmd->create && !(n == 2 && !strcmp(w[0], "delete"))) {
		udmabuf_reject_pr("unknown command '%s'; use 'create <name> <size> [bus=<bus>] [device=<device>] [dma-mask=<bits>] [quirk-mmap-page]' or 'delete <name>'\n",
				  n > 0 ? w[0] : "(too many words)");
		return -EINVAL;
	}
	if (!udmabuf_name_ok(w[1])) {
		udmabuf_reject_pr("'%.*s' is not a usable name (1-%d visible characters, not '.' or '..', no '/' or '!')\n",
				  UDMABUF_NAME_MAX, w[1], UDMABUF_NAME_MAX - 1);
		return -EINVAL;
	}
	cmd->name = w[1];
	if (!cmd->create)
		return 1;
	if (kstrtou64(w[2], 0, &cmd->size)) {
		udmabuf_reject_pr("create %s: size '%.*s' is not a number of bytes\n",
				  w[1], UDMABUF_MGR_LINE_MAX, w[2]);
		return -EINVAL;
	}
	for (i = 3; i < n; i++) {
		ret = udmabuf_mgr_option(w[i], cmd);
		if (ret)
			return ret;
	}
	ret = udmabuf_mgr_check_options(cmd);
	return ret ? ret : 1;
}

static int udmabuf_mgr_run(const struct udmabuf_mgr_cmd *cmd)
{
	struct udmabuf_config cfg = {
		.name = cmd->name,
		.minor = -1,
		.size = cmd->size,
		.sync_mode = 1,
		.sync_size = cmd->size,
		.dma_mask_bits = cmd->dma_mask_bits,
		.mmap_mode = cmd->mmap_mode,
		.origin = UDMABUF_FROM_MGR,
	};
	int ret;

	if (!cmd->create) {
		pr_info("delete %s\n", cmd->name);
		return udmabuf_delete(cmd->name);
	}
	pr_info("create %s %llu\n", cmd->name, cmd->size);
	if (cmd->device) {
		cfg.dma_dev = udmabuf_find_parent(cmd->bus, cmd->device,
						  cmd->name);
		if (IS_ERR(cfg.dma_dev))
			return PTR_ERR(cfg.dma_dev);
	}
	ret = udmabuf_create(&cfg, NULL);
	if (cfg.dma_dev)
		put_device(cfg.dma_dev);	/* the buffer holds its own */
	return ret;
}

static ssize_t udmabuf_mgr_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct udmabuf_mgr_cmd cmds[UDMABUF_MGR_CMDS];
	char *buf, *rest, *line;
	int n = 0, i, ret;

	if (count > UDMABUF_MGR_WRITE_MAX) {
		udmabuf_reject_pr("write of %zu bytes refused; at most %d per write\n",
				  count, UDMABUF_MGR_WRITE_MAX);
		return -EINVAL;
	}
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	if (memchr(buf, '\0', count)) {
		udmabuf_reject_pr("a write with a NUL byte in it is refused; nothing was run\n");
		ret = -EINVAL;
		goto out_free;
	}

	rest = buf;
	while ((line = strsep(&rest, "\n;")) != NULL) {
		if (n == UDMABUF_MGR_CMDS && strspn(line, " \t\r") != strlen(line)) {
			udmabuf_reject_pr("more than %d commands in one write refused\n",
					  UDMABUF_MGR_CMDS);
			ret = -EINVAL;
			goto out_free;
		}
		ret = udmabuf_mgr_parse(line, &cmds[n]);
		if (ret < 0)
			goto out_free;
		n += ret;
	}
	for (i = 0; i < n; i++) {
		ret = udmabuf_mgr_run(&cmds[i]);
		if (ret)
			goto out_free;
	}
	ret = count;
out_free:
	kfree(buf);
	return ret;
}

static const struct file_operations udmabuf_mgr_fops = {
	.owner	= THIS_MODULE,
	.write	= udmabuf_mgr_write,
	.llseek	= noop_llseek,
};

struct miscdevice udmabuf_mgr = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "u-dma-buf-mgr",
	.fops	= &udmabuf_mgr_fops,
	.mode	= 0600,
};
