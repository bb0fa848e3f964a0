// SPDX-License-Identifier: GPL-2.0
/*
 * mgr.c - /dev/u-dma-buf-mgr: create and delete buffers at run time
 *
 *	echo "create udmabuf8 0x10000" > /dev/u-dma-buf-mgr
 *	echo "delete udmabuf8"         > /dev/u-dma-buf-mgr
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

#define UDMABUF_MGR_WRITE_MAX	1024	/* bytes in one write() */
#define UDMABUF_MGR_LINE_MAX	128	/* bytes in one command */
#define UDMABUF_MGR_CMDS	16	/* commands in one write() */

struct udmabuf_mgr_cmd {
	bool create;
	const char *name;
	u64 size;
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

/* Returns 1 for a command, 0 for a blank line, -EINVAL for a bad one. */
static int udmabuf_mgr_parse(char *line, struct udmabuf_mgr_cmd *cmd)
{
	char *w[3];
	int n;

	if (strlen(line) > UDMABUF_MGR_LINE_MAX) {
		udmabuf_reject_pr("command longer than %d bytes refused\n",
				  UDMABUF_MGR_LINE_MAX);
		return -EINVAL;
	}
	n = udmabuf_mgr_split(line, w, ARRAY_SIZE(w));
	if (n == 0)
		return 0;
	cmd->create = n == 3 && !strcmp(w[0], "create");
	if (!cmd->create && !(n == 2 && !strcmp(w[0], "delete"))) {
		udmabuf_reject_pr("unknown command '%s'; use 'create <name> <size>' or 'delete <name>'\n",
				  w[0]);
		return -EINVAL;
	}
	if (!udmabuf_name_ok(w[1])) {
		udmabuf_reject_pr("'%.*s' is not a usable name (1-%d visible characters, not '.' or '..', no '/' or '!')\n",
				  UDMABUF_NAME_MAX, w[1], UDMABUF_NAME_MAX - 1);
		return -EINVAL;
	}
	cmd->name = w[1];
	if (cmd->create && kstrtou64(w[2], 0, &cmd->size)) {
		udmabuf_reject_pr("create %s: size '%.*s' is not a number of bytes\n",
				  w[1], UDMABUF_MGR_LINE_MAX, w[2]);
		return -EINVAL;
	}
	return 1;
}

static int udmabuf_mgr_run(const struct udmabuf_mgr_cmd *cmd)
{
	struct udmabuf_config cfg = {
		.name = cmd->name,
		.minor = -1,
		.size = cmd->size,
		.sync_mode = 1,
		.sync_size = cmd->size,
		.origin = UDMABUF_FROM_MGR,
	};
	if (!cmd->create) {
		pr_info("delete %s\n", cmd->name);
		return udmabuf_delete(cmd->name);
	}
	pr_info("create %s %llu\n", cmd->name, cmd->size);
	return udmabuf_create(&cfg, NULL);
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
