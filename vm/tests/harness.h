/* SPDX-License-Identifier: GPL-2.0 */
/*
 * harness.h - a small TAP harness for the in-guest driver tests
 *
 *	TEST(name) { CHECK(cond, "what went wrong: %d", x); ... }
 *	int main(void) { RUN(name); ...; return done(); }
 *
 * Each test prints "ok N - name" or "not ok N - name" with its failed checks
 * as "# " lines; the host sums these lines over every program and board.
 * Helpers for sysfs attributes, the manager and the kernel log live here too.
 */
#ifndef UDMABUF_TEST_HARNESS_H
#define UDMABUF_TEST_HARNESS_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int t_number, t_failed_tests, t_failed_checks;
static const char *t_prefix = "";

#define TEST(name) static void test_##name(void)

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			t_failed_checks++;				\
			printf("#   %s:%d: check failed: %s\n#     ",	\
			       __FILE__, __LINE__, #cond);		\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
	} while (0)

#define RUN(name)							\
	do {								\
		t_failed_checks = 0;					\
		fflush(stdout);						\
		test_##name();						\
		t_number++;						\
		if (t_failed_checks)					\
			t_failed_tests++;				\
		printf("%sok %d - %s%s\n", t_failed_checks ? "not " : "",	\
		       t_number, t_prefix, #name);			\
		fflush(stdout);						\
	} while (0)

static inline int done(void)
{
	return t_failed_tests ? 1 : 0;
}

/* ---- buffers under test ---------------------------------------------- */

static const char *ub_name = "udmabuf0";
static unsigned long long size;	/* bytes of the buffer under test */
static char dev[128];		/* /dev/<ub_name> */

/* "usage: PROG NAME SIZE": set ub_name, size and dev, and the TAP prefix. */
static inline void setup(int argc, char **argv, const char *prefix)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s NAME SIZE\n", argv[0]);
		exit(2);
	}
	ub_name = argv[1];
	size = strtoull(argv[2], NULL, 0);
	snprintf(dev, sizeof(dev), "/dev/%s", ub_name);
	t_prefix = prefix;
}

static inline void attr_path(char *path, size_t len, const char *name,
			     const char *attr)
{
	snprintf(path, len, "/sys/class/u-dma-buf/%s/%s", name, attr);
}

/* Read an attribute as text; returns bytes read or -errno. */
static inline int attr_read_of(const char *name, const char *attr, char *buf,
			       size_t len)
{
	char path[256];
	int fd, n;

	attr_path(path, sizeof(path), name, attr);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0)
		n = -errno;
	else
		buf[n] = '\0';
	close(fd);
	return n;
}

static inline unsigned long long attr_u64_of(const char *name, const char *attr)
{
	char buf[64];

	if (attr_read_of(name, attr, buf, sizeof(buf)) < 0)
		return ~0ULL;
	return strtoull(buf, NULL, 0);
}

static inline unsigned long long attr_u64(const char *attr)
{
	return attr_u64_of(ub_name, attr);
}

/* Write text to an attribute in one write(); returns 0 or -errno. */
static inline int attr_write_of(const char *name, const char *attr,
				const char *text)
{
	char path[256];
	int fd, ret = 0;

	attr_path(path, sizeof(path), name, attr);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, text, strlen(text)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static inline int attr_write(const char *attr, const char *text)
{
	return attr_write_of(ub_name, attr, text);
}

static inline int attr_writef(const char *attr, const char *fmt, ...)
{
	char text[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return attr_write(attr, text);
}

/* ---- the manager ------------------------------------------------------ */

/* One write of @len bytes of @cmd (NULs included) to the manager; 0 or -errno. */
static inline int mgr_write(const char *cmd, size_t len)
{
	int fd = open("/dev/u-dma-buf-mgr", O_WRONLY | O_CLOEXEC);
	int ret = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, cmd, len) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static inline int mgr(const char *cmd)
{
	return mgr_write(cmd, strlen(cmd));
}

static inline int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* ---- the kernel log --------------------------------------------------- */

/* An fd on /dev/kmsg positioned at the end: what comes next is new. */
static inline int kmsg_mark(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);

	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	return fd;
}

/* The next record of a /dev/kmsg @fd in @rec ("prio,seq,usec,flags;text",
 * continuation lines kept): its level, with @text set after the ';'; -1 when
 * nothing more is logged. */
static inline int kmsg_next(int fd, char *rec, size_t size, char **text)
{
	char *semi;
	int n;

	for (;;) {
		n = read(fd, rec, size - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* overwritten while we read: go on */
		if (n <= 0)
			return -1;
		rec[n] = '\0';
		semi = strchr(rec, ';');
		*text = semi ? semi + 1 : rec;
		return atoi(rec) & 7;
	}
}

/* Count new error-level (or worse) kernel log lines containing @needle,
 * then close the mark. */
static inline int kmsg_count(int fd, const char *needle)
{
	char rec[2048], *text;
	int level, count = 0;

	if (fd < 0)
		return -1;
	while ((level = kmsg_next(fd, rec, sizeof(rec), &text)) >= 0)
		if (level <= 3 && strstr(text, needle))
			count++;
	close(fd);
	return count;
}

/* Write @text to the file @path: 0, or -errno. */
static inline int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), ret = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, text, strlen(text)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

/* Read a hexadecimal number from the file @path; 1 on success. */
static inline int read_hex(const char *path, unsigned *val)
{
	FILE *f = fopen(path, "r");
	int ok = f && fscanf(f, "%x", val) == 1;

	if (f)
		fclose(f);
	return ok;
}

/* The first PCI device @vendor:@device: its address into @bdf; 1 if found. */
static inline int find_pci(unsigned vendor, unsigned device, char *bdf, size_t len)
{
	DIR *d = opendir("/sys/bus/pci/devices");
	struct dirent *e;
	char path[640];
	unsigned v, dv;

	bdf[0] = '\0';
	while (d && (e = readdir(d))) {
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/vendor", e->d_name);
		if (!read_hex(path, &v) || v != vendor)
			continue;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/device", e->d_name);
		if (read_hex(path, &dv) && dv == device) {
			snprintf(bdf, len, "%s", e->d_name);
			break;
		}
	}
	if (d)
		closedir(d);
	return bdf[0] != '\0';
}

static inline long page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

#endif
