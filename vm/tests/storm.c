// SPDX-License-Identifier: GPL-2.0
/*
 * storm.c - a concurrency storm against the driver: worker processes of two
 * threads each do random operations on every interface at once for N
 * seconds, while one more worker unloads and reloads the module whenever
 * nothing happens to be open. Then TAP checks that nothing crashed, stuck,
 * leaked or complained in the kernel log.
 *
 * usage: storm [--seconds N] [--workers N] [--threads N] [--seed S]
 *              --ko PATH --modargs ARGS
 *   defaults: 20 s, 6 workers, 2 threads per operation worker (1: no races
 *   between threads of one process, e.g. read() against mmap())
 *
 * Operations (each counted per worker and kind, errors by errno):
 *   mgr_create / mgr_delete  storm0..storm3 of 4 KiB..256 KiB (now and then
 *                  udmabuf1 too), mgr_odd: invalid or unusual manager writes
 *   open / close   storm*, udmabuf0, udmabuf1; O_RDWR, O_RDONLY, O_WRONLY,
 *                  with or without O_SYNC; closing leaves the file's mappings
 *   mmap / munmap / touch  valid and invalid ranges, whole and partial
 *                  unmapping (a page off either end or the middle), bytes
 *                  and aligned words read and written through the mappings
 *   read / write / pread / pwrite / lseek  valid, at the end, past the end;
 *                  into/from fresh (not yet faulted) memory or another mapping
 *                  of a buffer, which is what makes copy_to_user() fault
 *   sysfs_read     every attribute of a buffer; sysfs_write: valid and invalid
 *                  values to sync_mode, sync_offset, sync_size,
 *                  sync_direction, sync_for_cpu, sync_for_device
 *   ioctl_info / ioctl_sync  GET_INFO and SYNC, valid and invalid
 *   rmmod / insmod (worker 0 only) every ~1 s delete_module(O_NONBLOCK);
 *                  every third try first asks the others for a quiet moment
 *                  (they close and unmap everything for ~0.3 s), so unload
 *                  and reload really happen, racing the workers' return.
 *
 * Driver errors (EBUSY, ENOENT, EINVAL, ...) are expected and only counted.
 * A worker killed by any signal is a failure: SIGBUS/SIGSEGV are not
 * tolerated, since a buffer that is mapped can never go away. A worker that
 * does not end (a kernel deadlock leaves it in D state, unkillable) is
 * reported with its threads' kernel stacks and the storm goes on to its
 * checks; each check that touches the driver runs in a child with a time
 * limit, and an alarm ends the program at N + 29 s whatever happens.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64

#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

#define MAX_WORKERS	16
#define MAX_THREADS	4
#define MAX_FILES	8
#define MAX_MAPS	10
#define SCRATCH		(2 << 20)

enum kind {
	K_MGR_CREATE, K_MGR_DELETE, K_MGR_ODD, K_OPEN, K_CLOSE, K_MMAP,
	K_MUNMAP, K_TOUCH, K_READ, K_WRITE, K_PREAD, K_PWRITE, K_LSEEK,
	K_SYSFS_READ, K_SYSFS_WRITE, K_IOCTL_INFO, K_IOCTL_SYNC,
	K_WORKER_KINDS,			/* the kinds every op worker must do */
	K_RMMOD = K_WORKER_KINDS, K_INSMOD, K_QUIET, NKINDS
};

static const char *const kind_name[NKINDS] = {
	"mgr_create", "mgr_delete", "mgr_odd", "open", "close", "mmap",
	"munmap", "touch", "read", "write", "pread", "pwrite", "lseek",
	"sysfs_read", "sysfs_write", "ioctl_info", "ioctl_sync",
	"rmmod", "insmod", "quiet",
};

static const int errs[] = {
	EBUSY, ENOENT, EEXIST, EINVAL, ENODEV, ENXIO, ENOSPC, EBADF, EACCES,
	EAGAIN, ENOMEM, EFAULT, ENOTTY, EIO, EPERM, EOVERFLOW, EINTR,
};
#define NERRS (int)(sizeof(errs) / sizeof(errs[0]))

/* One thread's counters, in memory shared with the parent. */
struct slot {
	unsigned long long ok[NKINDS];
	unsigned long long err[NKINDS][NERRS + 1];	/* last: any other */
	int other_errno[NKINDS];
	char doing[120];
};

struct shared {
	struct slot slot[MAX_WORKERS][MAX_THREADS];
	int quiet_gen;		/* bumped by worker 0 to ask for a quiet moment */
	int quiet_until;	/* ms since the start */
	char insmod_error[160];
};

static struct shared *sh;
static int seconds = 20, workers = 6, threads = 2;
static unsigned long long seed;
static const char *ko, *modargs = "";
static struct timespec t0;

static int now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int)((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
}

static void sleep_ms(int ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) && errno == EINTR)
		;
}

/* ---- randomness --------------------------------------------------------- */

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t rnd64(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/* 0 .. n-1 */
static unsigned long long rnd(uint64_t *s, unsigned long long n)
{
	return n ? rnd64(s) % n : 0;
}

/* ---- counting ----------------------------------------------------------- */

struct ctx {
	int w, t;
	uint64_t rng;
	struct slot *slot;
	struct { int fd, name, flags; } files[MAX_FILES];
	int nfiles;
	struct { unsigned char *addr; size_t len; int prot, fd, name; } maps[MAX_MAPS];
	int nmaps;
	unsigned char *scratch;
	int quiet_seen, end;
};

/* @ret < 0 is -errno. */
static void count(struct slot *s, int kind, long ret)
{
	int i;

	if (ret >= 0) {
		s->ok[kind]++;
		return;
	}
	for (i = 0; i < NERRS && errs[i] != -ret; i++)
		;
	s->err[kind][i]++;
	if (i == NERRS)
		s->other_errno[kind] = (int)-ret;
}

static void doing(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->slot->doing, sizeof(c->slot->doing), fmt, ap);
	va_end(ap);
}

/* ---- buffers ------------------------------------------------------------ */

static const char *const names[] = {
	"storm0", "storm1", "storm2", "storm3", "udmabuf0", "udmabuf1",
};
#define NSTORM 4

static int pick_name(struct ctx *c)
{
	unsigned r = (unsigned)rnd(&c->rng, 10);

	return r < 4 ? (int)r : r < 7 ? 4 : 5;
}

static long page;

/* A buffer's size through its file; the position moves, which is harmless. */
static long long file_size(struct ctx *c, int fd)
{
	off_t end = lseek(fd, 0, SEEK_END);

	count(c->slot, K_LSEEK, end < 0 ? -errno : 0);
	return end < 0 ? (long long)page : (long long)end;
}

static int pick_file(struct ctx *c)
{
	return c->nfiles ? (int)rnd(&c->rng, c->nfiles) : -1;
}

static int pick_map(struct ctx *c)
{
	return c->nmaps ? (int)rnd(&c->rng, c->nmaps) : -1;
}

static void op_close_index(struct ctx *c, int i)
{
	int fd = c->files[i].fd, m;

	doing(c, "close %s (fd %d)", names[c->files[i].name], fd);
	count(c->slot, K_CLOSE, close(fd) ? -errno : 0);
	for (m = 0; m < c->nmaps; m++)		/* the mappings stay */
		if (c->maps[m].fd == fd)
			c->maps[m].fd = -1;
	c->files[i] = c->files[--c->nfiles];
}

static void unmap_index(struct ctx *c, int i)
{
	doing(c, "munmap %s %p+%zu", names[c->maps[i].name], c->maps[i].addr,
	      c->maps[i].len);
	count(c->slot, K_MUNMAP, munmap(c->maps[i].addr, c->maps[i].len) ? -errno : 0);
	c->maps[i] = c->maps[--c->nmaps];
}

static void release_all(struct ctx *c)
{
	/* files first, now and then: mappings outlive their files */
	if (rnd(&c->rng, 2))
		while (c->nfiles)
			op_close_index(c, c->nfiles - 1);
	while (c->nmaps)
		unmap_index(c, c->nmaps - 1);
	while (c->nfiles)
		op_close_index(c, c->nfiles - 1);
}

static void op_open(struct ctx *c)
{
	static const int modes[] = {
		O_RDWR, O_RDWR, O_RDWR, O_RDONLY, O_RDONLY, O_RDWR | O_SYNC,
		O_RDONLY | O_SYNC, O_WRONLY,
	};
	int name = pick_name(c), flags, fd;
	char path[64];

	if (c->nfiles == MAX_FILES)
		op_close_index(c, pick_file(c));
	flags = modes[rnd(&c->rng, sizeof(modes) / sizeof(modes[0]))];
	snprintf(path, sizeof(path), "/dev/%s", names[name]);
	doing(c, "open %s flags 0%o", path, flags);
	fd = open(path, flags | O_CLOEXEC);
	count(c->slot, K_OPEN, fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	c->files[c->nfiles].fd = fd;
	c->files[c->nfiles].name = name;
	c->files[c->nfiles].flags = flags;
	c->nfiles++;
}

static void op_close(struct ctx *c)
{
	if (!c->nfiles)
		{ op_open(c); return; }
	op_close_index(c, pick_file(c));
}

static void op_mmap(struct ctx *c)
{
	int f = pick_file(c), prot, flags = MAP_SHARED, acc;
	long long size, pages, pg;
	size_t len;
	off_t off;
	void *p;

	if (f < 0)
		{ op_open(c); return; }
	if (c->nmaps == MAX_MAPS)
		unmap_index(c, pick_map(c));
	size = file_size(c, c->files[f].fd);
	pages = (size + page - 1) / page;
	switch (rnd(&c->rng, 10)) {
	default:			/* a valid range */
		pg = (long long)rnd(&c->rng, pages);
		off = pg * page;
		len = 1 + rnd(&c->rng, (pages - pg) * page);
		break;
	case 5:				/* the whole buffer */
		off = 0;
		len = size;
		break;
	case 6:				/* a page past the end */
		off = pages * page;
		len = page;
		break;
	case 7:				/* one page too long */
		off = 0;
		len = (pages + 1) * page;
		break;
	case 8:				/* far away or unaligned */
		off = rnd(&c->rng, 2) ? (off_t)1 << 40 : 100;
		len = page;
		break;
	case 9:				/* private, or empty */
		off = 0;
		len = rnd(&c->rng, 2) ? (size_t)page : 0;
		flags = len ? MAP_PRIVATE : MAP_SHARED;
		break;
	}
	acc = c->files[f].flags & O_ACCMODE;
	if (acc == O_RDWR)
		prot = rnd(&c->rng, 4) ? PROT_READ | PROT_WRITE : PROT_READ;
	else if (acc == O_RDONLY)
		prot = rnd(&c->rng, 4) ? PROT_READ : PROT_READ | PROT_WRITE;
	else
		prot = PROT_READ | (rnd(&c->rng, 2) ? PROT_WRITE : 0);
	doing(c, "mmap %s len %zu off %lld prot %d flags %d", names[c->files[f].name],
	      len, (long long)off, prot, flags);
	p = mmap(NULL, len, prot, flags, c->files[f].fd, off);
	count(c->slot, K_MMAP, p == MAP_FAILED ? -errno : 0);
	if (p == MAP_FAILED)
		return;
	c->maps[c->nmaps].addr = p;
	c->maps[c->nmaps].len = (len + page - 1) / page * page;
	c->maps[c->nmaps].prot = prot;
	c->maps[c->nmaps].fd = c->files[f].fd;
	c->maps[c->nmaps].name = c->files[f].name;
	c->nmaps++;
}

static void op_munmap(struct ctx *c)
{
	int m = pick_map(c);
	unsigned char *a;
	size_t len;

	if (m < 0)
		{ op_mmap(c); return; }
	a = c->maps[m].addr;
	len = c->maps[m].len;
	if (len <= (size_t)page || rnd(&c->rng, 3))
		{ unmap_index(c, m); return; }
	switch (rnd(&c->rng, 3)) {
	case 0:				/* the first page */
		doing(c, "munmap the first page of %p+%zu", a, len);
		count(c->slot, K_MUNMAP, munmap(a, page) ? -errno : 0);
		c->maps[m].addr = a + page;
		c->maps[m].len = len - page;
		break;
	case 1:				/* the last page */
		doing(c, "munmap the last page of %p+%zu", a, len);
		count(c->slot, K_MUNMAP, munmap(a + len - page, page) ? -errno : 0);
		c->maps[m].len = len - page;
		break;
	default:			/* a middle page: two mappings remain */
		if (len < 3 * (size_t)page || c->nmaps == MAX_MAPS)
			{ unmap_index(c, m); return; }
		doing(c, "munmap the second page of %p+%zu", a, len);
		count(c->slot, K_MUNMAP, munmap(a + page, page) ? -errno : 0);
		c->maps[m].len = page;
		c->maps[c->nmaps] = c->maps[m];
		c->maps[c->nmaps].addr = a + 2 * page;
		c->maps[c->nmaps].len = len - 2 * page;
		c->nmaps++;
		break;
	}
}

/* Bytes and aligned words only: non-cached ARM mappings fault on unaligned
 * access, and memcpy()/memset() may use unaligned or cache-zeroing ones. */
static void op_touch(struct ctx *c)
{
	int m = pick_map(c), i, n;
	volatile unsigned char *b;
	volatile uint32_t *w;
	unsigned sum = 0;
	size_t off;

	if (m < 0)
		{ op_mmap(c); return; }
	b = c->maps[m].addr;
	n = 1 + (int)rnd(&c->rng, 32);
	doing(c, "touch %s %p+%zu prot %d", names[c->maps[m].name], c->maps[m].addr,
	      c->maps[m].len, c->maps[m].prot);
	sum += b[0] + b[c->maps[m].len - 1];
	for (i = 0; i < n; i++) {
		off = rnd(&c->rng, c->maps[m].len);
		w = (volatile uint32_t *)(b + (off & ~(size_t)3));
		sum += b[off] + *w;
		if (c->maps[m].prot & PROT_WRITE) {
			b[off] = (unsigned char)i;
			*w = sum;
		}
	}
	count(c->slot, K_TOUCH, 0);
}

/* Memory for read()/write(): fresh (unfaulted) scratch, or a mapping. */
static unsigned char *io_buffer(struct ctx *c, size_t *cap, int want_prot)
{
	int m = pick_map(c);

	if (m >= 0 && !rnd(&c->rng, 4) && (c->maps[m].prot & want_prot) == want_prot) {
		*cap = c->maps[m].len;
		return c->maps[m].addr;
	}
	if (rnd(&c->rng, 2))
		madvise(c->scratch, SCRATCH, MADV_DONTNEED);
	*cap = SCRATCH;
	return c->scratch;
}

static size_t io_len(struct ctx *c, long long size, size_t cap)
{
	size_t n;

	switch (rnd(&c->rng, 4)) {
	case 0:
		n = 1 + rnd(&c->rng, 64);
		break;
	case 1:
		n = 1 + rnd(&c->rng, 2 * page);
		break;
	default:
		n = rnd(&c->rng, size + 2 * page);
		break;
	}
	return n < cap ? n : cap;
}

static off_t io_offset(struct ctx *c, long long size)
{
	switch (rnd(&c->rng, 8)) {
	default:
		return rnd(&c->rng, size);
	case 4:
		return size - rnd(&c->rng, 17);
	case 5:
		return size + rnd(&c->rng, 3 * page);
	case 6:
		return (off_t)1 << 40;
	case 7:
		return -1 - (off_t)rnd(&c->rng, 2);
	}
}

static void op_rw(struct ctx *c, int kind)
{
	int f = pick_file(c), writing = kind == K_WRITE || kind == K_PWRITE;
	long long size;
	unsigned char *buf;
	size_t cap, n;
	ssize_t r;
	off_t off = 0;

	if (f < 0)
		{ op_open(c); return; }
	size = file_size(c, c->files[f].fd);
	buf = io_buffer(c, &cap, writing ? PROT_READ : PROT_WRITE);
	n = io_len(c, size, cap);
	if (kind == K_PREAD || kind == K_PWRITE)
		off = io_offset(c, size);
	else if (rnd(&c->rng, 2))
		lseek(c->files[f].fd, rnd(&c->rng, size + page), SEEK_SET);
	doing(c, "%s %s %zu bytes at %lld, buffer %p", kind_name[kind],
	      names[c->files[f].name], n, (long long)off, buf);
	switch (kind) {
	case K_READ:
		r = read(c->files[f].fd, buf, n);
		break;
	case K_WRITE:
		r = write(c->files[f].fd, buf, n);
		break;
	case K_PREAD:
		r = pread(c->files[f].fd, buf, n, off);
		break;
	default:
		r = pwrite(c->files[f].fd, buf, n, off);
		break;
	}
	count(c->slot, kind, r < 0 ? -errno : 0);
}

static void op_lseek(struct ctx *c)
{
	static const int whences[] = { SEEK_SET, SEEK_CUR, SEEK_END };
	int f = pick_file(c), whence = whences[rnd(&c->rng, 3)];
	off_t off, r;

	if (f < 0)
		{ op_open(c); return; }
	switch (rnd(&c->rng, 5)) {
	case 0:
		off = 0;
		break;
	case 1:
		off = rnd(&c->rng, 1 << 20);
		break;
	case 2:
		off = -(off_t)rnd(&c->rng, 1 << 20);
		break;
	case 3:
		off = (off_t)1 << 40;
		break;
	default:
		off = rnd(&c->rng, 2) ? (off_t)(~0ULL >> 1) : -(off_t)(~0ULL >> 1);
		break;
	}
	doing(c, "lseek %s %lld whence %d", names[c->files[f].name], (long long)off, whence);
	r = lseek(c->files[f].fd, off, whence);
	count(c->slot, K_LSEEK, r < 0 ? -errno : 0);
}

static void op_sysfs_read(struct ctx *c)
{
	int name = pick_name(c), n;
	char path[128], buf[256], attr[64];
	struct dirent *d;
	DIR *dir;

	snprintf(path, sizeof(path), "/sys/class/u-dma-buf/%s", names[name]);
	doing(c, "read the attributes of %s", names[name]);
	dir = opendir(path);
	if (!dir)
		{ count(c->slot, K_SYSFS_READ, -errno); return; }
	while ((d = readdir(dir))) {
		if (d->d_type != DT_REG || strlen(d->d_name) >= sizeof(attr))
			continue;
		memcpy(attr, d->d_name, strlen(d->d_name) + 1);
		doing(c, "read %s/%s", names[name], attr);
		n = attr_read_of(names[name], attr, buf, sizeof(buf));
		count(c->slot, K_SYSFS_READ, n);
	}
	closedir(dir);
}

static void op_sysfs_write(struct ctx *c)
{
	static const char *const attrs[] = {
		"sync_mode", "sync_offset", "sync_size", "sync_direction",
		"sync_for_cpu", "sync_for_device",
	};
	static const char *const junk[] = {
		"", "-1", "abc", "1 2", "0x", "1x", "99999999999999999999999",
		"18446744073709551615", "\n",
	};
	int name = pick_name(c), a = (int)rnd(&c->rng, 6), valid = rnd(&c->rng, 3) != 0;
	unsigned long long size = attr_u64_of(names[name], "size"), o, s;
	char val[64];

	if (size == ~0ULL || !size)
		size = page;
	if (!valid && rnd(&c->rng, 2)) {
		snprintf(val, sizeof(val), "%s", junk[rnd(&c->rng, sizeof(junk) / sizeof(junk[0]))]);
	} else if (a == 0) {
		snprintf(val, sizeof(val), "%llu", valid ? rnd(&c->rng, 8) : 8 + rnd(&c->rng, 100));
	} else if (a == 1 || a == 2) {
		o = valid ? rnd(&c->rng, size + (a == 2)) : size + 1 + rnd(&c->rng, 1 << 20);
		snprintf(val, sizeof(val), rnd(&c->rng, 4) ? "%llu" : "0x%llx", o);
	} else if (a == 3) {
		snprintf(val, sizeof(val), "%llu", valid ? rnd(&c->rng, 3) : 3 + rnd(&c->rng, 5));
	} else if (valid && rnd(&c->rng, 2)) {
		snprintf(val, sizeof(val), "1");
	} else {
		/* one-off range: offset 63-32, size 31-4 (x16), direction 3-2, bit 0 */
		o = valid ? rnd(&c->rng, size / 2) : size + rnd(&c->rng, 1 << 16);
		s = (valid ? rnd(&c->rng, (size - o) / 16 + 1) : 1 + rnd(&c->rng, 1 << 20)) * 16;
		snprintf(val, sizeof(val), "0x%llx",
			 o << 32 | (s & 0xfffffff0ULL) | rnd(&c->rng, valid ? 3 : 4) << 2 | 1);
	}
	doing(c, "write '%s' to %s/%s", val, names[name], attrs[a]);
	count(c->slot, K_SYSFS_WRITE, attr_write_of(names[name], attrs[a], val));
}

static void op_ioctl_info(struct ctx *c)
{
	static const unsigned long cmds[] = {
		U_DMA_BUF_IOCTL_GET_DRV_INFO, U_DMA_BUF_IOCTL_GET_SIZE,
		U_DMA_BUF_IOCTL_GET_DMA_ADDR, U_DMA_BUF_IOCTL_GET_SYNC_OWNER,
		U_DMA_BUF_IOCTL_GET_DEV_INFO, U_DMA_BUF_IOCTL_GET_SYNC,
	};
	unsigned long long out[8];
	int f = pick_file(c), r;
	unsigned long cmd;

	if (f < 0)
		{ op_open(c); return; }
	cmd = cmds[rnd(&c->rng, 6)];
	doing(c, "GET ioctl 0x%lx %s", cmd, names[c->files[f].name]);
	switch (rnd(&c->rng, 10)) {
	case 0:
		r = ioctl(c->files[f].fd, cmd, NULL);
		break;
	case 1:
		r = ioctl(c->files[f].fd, _IO('U', 99));
		break;
	default:
		r = ioctl(c->files[f].fd, cmd, out);
		break;
	}
	count(c->slot, K_IOCTL_INFO, r ? -errno : 0);
}

/* SET_SYNC_FOR_CPU/_DEVICE with 1 or a packed range, or SET_SYNC. */
static void op_ioctl_sync(struct ctx *c)
{
	u_dma_buf_ioctl_sync_args a;
	int f = pick_file(c), r;
	unsigned long long v;
	long long size;

	if (f < 0)
		{ op_open(c); return; }
	size = file_size(c, c->files[f].fd);
	v = rnd(&c->rng, size);
	v = v << 32 | (rnd(&c->rng, size - v + 1) & 0xfffffff0ULL) |
	    rnd(&c->rng, 3) << 2 | 1;
	switch (rnd(&c->rng, 12)) {
	case 0:
		v = rnd(&c->rng, 4);	/* 0, 2, 3: refused; 1: the stored area */
		break;
	case 1:
		v |= 3 << 2;		/* direction 3 */
		break;
	case 2:
		v = (unsigned long long)(size + rnd(&c->rng, 100)) << 32 | 16 | 1;
		break;
	default:
		break;
	}
	if (rnd(&c->rng, 4)) {
		unsigned long cmd = rnd(&c->rng, 2) ? U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU
						    : U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE;

		doing(c, "SET_SYNC_FOR_%s %s 0x%llx", cmd == U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU ?
		      "CPU" : "DEVICE", names[c->files[f].name], v);
		r = ioctl(c->files[f].fd, cmd, rnd(&c->rng, 30) ? &v : NULL);
	} else {
		memset(&a, 0, sizeof(a));
		a.offset = rnd(&c->rng, 2) ? 0 : rnd(&c->rng, size + 16);
		a.size = rnd(&c->rng, 2) ? 0 : rnd(&c->rng, size + 16);
		a.flags = rnd(&c->rng, 4) | rnd(&c->rng, 4) << 2 | rnd(&c->rng, 9) << 8;
		if (!rnd(&c->rng, 20))
			a.flags |= 1ULL << (20 + rnd(&c->rng, 40));
		doing(c, "SET_SYNC %s off %llu size %llu flags 0x%llx",
		      names[c->files[f].name], (unsigned long long)a.offset,
		      (unsigned long long)a.size, (unsigned long long)a.flags);
		r = ioctl(c->files[f].fd, U_DMA_BUF_IOCTL_SET_SYNC, rnd(&c->rng, 30) ? &a : NULL);
	}
	count(c->slot, K_IOCTL_SYNC, r ? -errno : 0);
}

/* ---- the manager -------------------------------------------------------- */

static void op_mgr_create(struct ctx *c)
{
	unsigned long long size;
	const char *name = names[rnd(&c->rng, NSTORM)];
	char cmd[96];

	if (rnd(&c->rng, 2))
		size = (1 + rnd(&c->rng, 64)) * 4096;		/* 4 KiB .. 256 KiB */
	else
		size = 4096 + rnd(&c->rng, 256 * 1024 - 4096 + 1);
	if (!rnd(&c->rng, 40)) {
		name = "udmabuf1";	/* back after a delete, as the suite has it */
		size = 65536;
	}
	snprintf(cmd, sizeof(cmd), rnd(&c->rng, 2) ? "create %s %llu\n" : "create %s 0x%llx",
		 name, size);
	doing(c, "mgr %s", cmd);
	count(c->slot, K_MGR_CREATE, mgr_write(cmd, strlen(cmd)));
	if (rnd(&c->rng, 3))
		return;
	/* churn: delete it at once, racing the others' opens and creates */
	snprintf(cmd, sizeof(cmd), "delete %s", name);
	doing(c, "mgr %s", cmd);
	count(c->slot, K_MGR_DELETE, mgr_write(cmd, strlen(cmd)));
}

static void op_mgr_delete(struct ctx *c)
{
	const char *name = rnd(&c->rng, 60) ? names[rnd(&c->rng, NSTORM)] : "udmabuf1";
	char cmd[96];

	snprintf(cmd, sizeof(cmd), "delete %s%s", name, rnd(&c->rng, 2) ? "\n" : "");
	doing(c, "mgr %s", cmd);
	count(c->slot, K_MGR_DELETE, mgr_write(cmd, strlen(cmd)));
}

static void op_mgr_odd(struct ctx *c)
{
	static const char *const odd[] = {
		"create storm9 0", "create storm9 lots", "create storm9 12k",
		"frobnicate storm0", "create storm/9 4096", "create .. 4096",
		"delete", "create storm0 4096 extra", "delete storm_none",
		"create storm1 4096; frobnicate storm1", "create storm3 0x7fffffffffffffff",
		"create storm3 0x10000000", "create storm2 8192;delete storm2",
		"create storm0 4096\ndelete storm0\ncreate storm0 8192",
		"delete storm1;delete storm1", "create udmabuf0 4096", ";;\n\n",
	};
	static const char with_nul[] = "create storm2 4096\0;delete storm2";
	char cmd[96];
	size_t len;

	if (!rnd(&c->rng, 10)) {		/* a NUL inside the write */
		memcpy(cmd, with_nul, sizeof(with_nul) - 1);
		len = sizeof(with_nul) - 1;
	} else {
		snprintf(cmd, sizeof(cmd), "%s", odd[rnd(&c->rng, sizeof(odd) / sizeof(odd[0]))]);
		len = strlen(cmd);
	}
	doing(c, "mgr odd: %.*s", (int)len, cmd);
	count(c->slot, K_MGR_ODD, mgr_write(cmd, len));
}

/* ---- workers ------------------------------------------------------------ */

static void *op_thread(void *arg)
{
	struct ctx *c = arg;
	static const struct { int kind, weight; } table[] = {
		{ K_MGR_CREATE, 4 }, { K_MGR_DELETE, 4 }, { K_MGR_ODD, 1 },
		{ K_OPEN, 8 }, { K_CLOSE, 5 }, { K_MMAP, 8 }, { K_MUNMAP, 5 },
		{ K_TOUCH, 5 }, { K_READ, 4 }, { K_WRITE, 4 }, { K_PREAD, 3 },
		{ K_PWRITE, 3 }, { K_LSEEK, 3 }, { K_SYSFS_READ, 2 },
		{ K_SYSFS_WRITE, 4 }, { K_IOCTL_INFO, 3 }, { K_IOCTL_SYNC, 3 },
	};
	int total = 0, i, r;

	for (i = 0; i < (int)(sizeof(table) / sizeof(table[0])); i++)
		total += table[i].weight;
	c->scratch = mmap(NULL, SCRATCH, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (c->scratch == MAP_FAILED)
		abort();
	while (now_ms() < c->end) {
		int gen = __atomic_load_n(&sh->quiet_gen, __ATOMIC_ACQUIRE);

		if (gen != c->quiet_seen) {	/* worker 0 wants to unload */
			c->quiet_seen = gen;
			release_all(c);
			doing(c, "quiet");
			while (now_ms() < __atomic_load_n(&sh->quiet_until, __ATOMIC_ACQUIRE) &&
			       now_ms() < c->end)
				sleep_ms(10);
			continue;
		}
		if (!rnd(&c->rng, 300)) {
			release_all(c);
			continue;
		}
		r = (int)rnd(&c->rng, total);
		for (i = 0; r >= table[i].weight; i++)
			r -= table[i].weight;
		switch (table[i].kind) {
		case K_MGR_CREATE: op_mgr_create(c); break;
		case K_MGR_DELETE: op_mgr_delete(c); break;
		case K_MGR_ODD: op_mgr_odd(c); break;
		case K_OPEN: op_open(c); break;
		case K_CLOSE: op_close(c); break;
		case K_MMAP: op_mmap(c); break;
		case K_MUNMAP: op_munmap(c); break;
		case K_TOUCH: op_touch(c); break;
		case K_LSEEK: op_lseek(c); break;
		case K_SYSFS_READ: op_sysfs_read(c); break;
		case K_SYSFS_WRITE: op_sysfs_write(c); break;
		case K_IOCTL_INFO: op_ioctl_info(c); break;
		case K_IOCTL_SYNC: op_ioctl_sync(c); break;
		default: op_rw(c, table[i].kind); break;
		}
	}
	release_all(c);
	doing(c, "done");
	return NULL;
}

static int load_module(void)
{
	int fd = open(ko, O_RDONLY | O_CLOEXEC), ret = 0;

	if (fd < 0)
		return -errno;
	if (syscall(SYS_finit_module, fd, modargs, 0))
		ret = -errno;
	close(fd);
	return ret;
}

static void rmmod_worker(struct ctx *c)
{
	int next = 500 + (int)rnd(&c->rng, 1000), attempt = 0, r, tries;

	while (now_ms() < c->end) {
		if (now_ms() < next) {
			sleep_ms(10);
			continue;
		}
		if (++attempt % 3 == 0) {	/* a quiet moment for the others */
			int t = now_ms();

			__atomic_store_n(&sh->quiet_until, t + 150 + (int)rnd(&c->rng, 250),
					 __ATOMIC_RELEASE);
			__atomic_add_fetch(&sh->quiet_gen, 1, __ATOMIC_ACQ_REL);
			count(c->slot, K_QUIET, 0);
			sleep_ms(60 + (int)rnd(&c->rng, 90));
		}
		doing(c, "rmmod (attempt %d)", attempt);
		r = syscall(SYS_delete_module, "u_dma_buf", O_NONBLOCK) ? -errno : 0;
		count(c->slot, K_RMMOD, r);
		if (r == 0 || r == -ENOENT) {	/* unloaded (or a reload failed) */
			for (tries = 0; tries < 5; tries++) {
				doing(c, "insmod %s %s (try %d)", ko, modargs, tries + 1);
				r = load_module();
				count(c->slot, K_INSMOD, r);
				if (r == 0 || r == -EEXIST)
					break;
				snprintf(sh->insmod_error, sizeof(sh->insmod_error),
					 "finit_module at %d ms: %s", now_ms(), strerror(-r));
				sleep_ms(50);
			}
		}
		next = now_ms() + 700 + (int)rnd(&c->rng, 600);
	}
	/* never leave the module out */
	if (access("/sys/module/u_dma_buf", F_OK) != 0) {
		doing(c, "insmod at the end");
		count(c->slot, K_INSMOD, load_module());
	}
	doing(c, "done");
}

static void worker(int w, int end)
{
	struct ctx c[MAX_THREADS];
	pthread_t th[MAX_THREADS];
	int t, null = open("/dev/null", O_RDWR);

	/* a stuck worker must not hold the program's output open */
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	}
	memset(c, 0, sizeof(c));
	for (t = 0; t < threads; t++) {
		uint64_t s = seed + (uint64_t)w * 1000 + t;

		c[t].w = w;
		c[t].t = t;
		c[t].rng = splitmix(&s) | 1;
		c[t].slot = &sh->slot[w][t];
		c[t].end = end;
	}
	if (w == 0) {
		rmmod_worker(&c[0]);
		_exit(0);
	}
	for (t = 1; t < threads; t++)
		if (pthread_create(&th[t], NULL, op_thread, &c[t]))
			_exit(3);
	op_thread(&c[0]);
	for (t = 1; t < threads; t++)
		pthread_join(th[t], NULL);
	_exit(0);
}

/* ---- the kernel log ----------------------------------------------------- */

static int kmsg_fd = -1;
static long kmsg_lines, kmsg_lost, kmsg_bad;
static char kmsg_first_bad[2048];

static void kmsg_drain(void)
{
	static const char *const bad[] = {
		"WARNING", "BUG:", "kernel BUG", "Oops", "Call trace", "Call Trace",
		"Unable to handle kernel", "general protection fault",
		"blocked for more than", "UBSAN", "KASAN", "Redzone", "Poison overwritten",
	};
	char rec[4096], *msg;
	size_t i;
	int n;

	if (kmsg_fd < 0)
		return;
	for (;;) {
		n = read(kmsg_fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE) {
			kmsg_lost++;
			continue;
		}
		if (n <= 0)
			break;
		rec[n] = '\0';
		kmsg_lines++;
		msg = strchr(rec, ';');
		msg = msg ? msg + 1 : rec;
		msg[strcspn(msg, "\n")] = '\0';
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			if (strstr(msg, bad[i]))
				break;
		if (i == sizeof(bad) / sizeof(bad[0]))
			continue;
		if (kmsg_bad++ < 8 && strlen(kmsg_first_bad) + strlen(msg) + 8 < sizeof(kmsg_first_bad)) {
			strcat(kmsg_first_bad, "#     ");
			strcat(kmsg_first_bad, msg);
			strcat(kmsg_first_bad, "\n");
		}
	}
}

/* ---- the parent --------------------------------------------------------- */

static pid_t pids[MAX_WORKERS];
static int wstatus[MAX_WORKERS], reaped[MAX_WORKERS], killed[MAX_WORKERS];

static long long meminfo(const char *key)
{
	char line[256];
	long long val = -1;
	size_t len = strlen(key);
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, len) && line[len] == ':')
			val = atoll(line + len + 1);
	if (f)
		fclose(f);
	return val;
}

static void drop_caches(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	sync();
	if (fd >= 0) {
		if (write(fd, "3", 1) < 0)
			printf("# drop_caches: %s\n", strerror(errno));
		close(fd);
	}
}

/*
 * CmaFree, as settled as user space can make it: CMA pages also serve
 * movable allocations (page cache: dropped) and freed pages wait in per-CPU
 * lists, uncounted, until something drains them; a CMA allocation does
 * (alloc_contig_range() drains every CPU's list), so make one and free it.
 */
static long long cma_free(void)
{
	static const char probe[] = "create storm-cma-probe 0x4000;delete storm-cma-probe";

	drop_caches();
	mgr_write(probe, sizeof(probe) - 1);
	return meminfo("CmaFree");
}

static void print_file(const char *path, const char *indent, int max_lines)
{
	char line[256];
	FILE *f = fopen(path, "r");

	while (f && max_lines-- > 0 && fgets(line, sizeof(line), f))
		printf("%s%s", indent, line);
	if (f)
		fclose(f);
}

/* What each thread of a process that will not end is doing in the kernel. */
static void report_stuck(pid_t pid)
{
	char path[320], st[512];
	struct dirent *d;
	DIR *dir;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	dir = opendir(path);
	while (dir && (d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%s/stat", (int)pid, d->d_name);
		fd = open(path, O_RDONLY);
		n = fd >= 0 ? read(fd, st, sizeof(st) - 1) : -1;
		if (fd >= 0)
			close(fd);
		st[n > 0 ? n : 0] = '\0';
		printf("#     thread %s: state %c, kernel stack:\n", d->d_name,
		       strrchr(st, ')') ? strrchr(st, ')')[2] : '?');
		snprintf(path, sizeof(path), "/proc/%d/task/%s/stack", (int)pid, d->d_name);
		print_file(path, "#       ", 12);
	}
	if (dir)
		closedir(dir);
}

/* Wait for the workers until @until ms; returns how many are left. */
static int reap(int until)
{
	int w, left, st;

	for (;;) {
		left = 0;
		for (w = 0; w < workers; w++) {
			if (reaped[w])
				continue;
			if (waitpid(pids[w], &st, WNOHANG) == pids[w]) {
				reaped[w] = 1;
				wstatus[w] = st;
			} else {
				left++;
			}
		}
		kmsg_drain();
		if (!left || now_ms() >= until)
			return left;
		sleep_ms(50);
	}
}

static unsigned long long total_ops(int w)
{
	unsigned long long n = 0;
	int t, k, e;

	for (t = 0; t < threads; t++)
		for (k = 0; k < NKINDS; k++) {
			n += sh->slot[w][t].ok[k];
			for (e = 0; e <= NERRS; e++)
				n += sh->slot[w][t].err[k][e];
		}
	return n;
}

static unsigned long long kind_ops(int w, int k)
{
	unsigned long long n = 0;
	int t, e;

	for (t = 0; t < threads; t++) {
		n += sh->slot[w][t].ok[k];
		for (e = 0; e <= NERRS; e++)
			n += sh->slot[w][t].err[k][e];
	}
	return n;
}

static int other_errno(int k)
{
	int w, t;

	for (w = 0; w < workers; w++)
		for (t = 0; t < threads; t++)
			if (sh->slot[w][t].other_errno[k])
				return sh->slot[w][t].other_errno[k];
	return 0;
}

static void print_counts(void)
{
	char line[512];
	int k, e, w, t, len;
	unsigned long long ok, err[NERRS + 1], all = 0;

	for (k = 0; k < NKINDS; k++) {
		ok = 0;
		memset(err, 0, sizeof(err));
		for (w = 0; w < workers; w++)
			for (t = 0; t < threads; t++) {
				ok += sh->slot[w][t].ok[k];
				for (e = 0; e <= NERRS; e++)
					err[e] += sh->slot[w][t].err[k][e];
			}
		len = snprintf(line, sizeof(line), "# %-12s ok %llu", kind_name[k], ok);
		all += ok;
		for (e = 0; e <= NERRS; e++) {
			if (!err[e])
				continue;
			all += err[e];
			if (e < NERRS)
				len += snprintf(line + len, sizeof(line) - len, ", %s %llu",
						strerrorname_np(errs[e]), err[e]);
			else
				len += snprintf(line + len, sizeof(line) - len, ", other %llu (e.g. %s)",
						err[e], strerror(other_errno(k)));
			if (len >= (int)sizeof(line))
				break;
		}
		printf("%s\n", line);
	}
	printf("# %llu operations in all;", all);
	for (w = 0; w < workers; w++)
		printf(" worker %d: %llu", w, total_ops(w));
	printf("\n");
}

/* Run @fn in a child for at most @ms; its result (0 or -errno) or -ETIMEDOUT
 * when it did not end (it is then reported and left behind). */
static int bounded(const char *what, int ms, int (*fn)(void))
{
	int until = now_ms() + ms, st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(-fn() & 0xff);
	if (pid < 0)
		return fn();
	while (waitpid(pid, &st, WNOHANG) != pid) {
		if (now_ms() >= until) {
			printf("#   %s: no answer after %d ms; the process is stuck:\n", what, ms);
			report_stuck(pid);
			kill(pid, SIGKILL);
			return -ETIMEDOUT;
		}
		sleep_ms(20);
	}
	if (WIFSIGNALED(st)) {
		printf("#   %s: killed by %s\n", what, strsignal(WTERMSIG(st)));
		return -EINTR;
	}
	return -WEXITSTATUS(st);
}

static long long cma_before = -1;
static int stuck;

TEST(every_worker_ended_normally_and_did_every_kind_of_operation)
{
	int w, k;

	for (w = 0; w < workers; w++) {
		const char *what = sh->slot[w][0].doing, *what1 = sh->slot[w][1].doing;

		CHECK(reaped[w], "worker %d (pid %d) never ended; doing: '%s' / '%s'", w,
		      (int)pids[w], what, w ? what1 : "-");
		if (!reaped[w])
			continue;
		CHECK(!WIFSIGNALED(wstatus[w]), "worker %d killed by %s%s; doing: '%s' / '%s'",
		      w, strsignal(WTERMSIG(wstatus[w])),
		      killed[w] ? " (by the storm: still running 6 s after the end)" : "",
		      what, w ? what1 : "-");
		if (WIFSIGNALED(wstatus[w]))
			continue;	/* its counts say nothing more */
		CHECK(!WIFEXITED(wstatus[w]) || WEXITSTATUS(wstatus[w]) == 0,
		      "worker %d exited with %d", w, WEXITSTATUS(wstatus[w]));
		if (w == 0) {
			CHECK(kind_ops(0, K_RMMOD) > 0, "no rmmod was tried");
			continue;
		}
		for (k = 0; k < K_WORKER_KINDS; k++)
			CHECK(kind_ops(w, k) > 0, "worker %d did no %s", w, kind_name[k]);
	}
}

static int delete_leftovers(void)
{
	char cmd[32];
	int i, r, ret = 0;

	for (i = 0; i < NSTORM; i++) {
		snprintf(cmd, sizeof(cmd), "delete %s", names[i]);
		r = mgr_write(cmd, strlen(cmd));
		if (r && r != -ENOENT && !ret)
			ret = r;
	}
	return ret;
}

static int count_storm_entries(const char *dirpath)
{
	struct dirent *d;
	DIR *dir = opendir(dirpath);
	int n = 0;

	while (dir && (d = readdir(dir)))
		if (!strncmp(d->d_name, "storm", 5)) {
			printf("#   left behind: %s/%s\n", dirpath, d->d_name);
			n++;
		}
	if (dir)
		closedir(dir);
	return n;
}

TEST(no_storm_buffer_is_left_after_deleting_the_leftovers)
{
	int r = bounded("deleting storm0..storm3", 4000, delete_leftovers);

	CHECK(r == 0, "deleting the leftovers: %s", strerror(-r));
	CHECK(count_storm_entries("/dev") == 0, "a /dev/storm* node remains");
	CHECK(count_storm_entries("/sys/class/u-dma-buf") == 0, "a storm* sysfs entry remains");
}

TEST(cma_comes_back)
{
	long long after = -1, diff = 0;
	int until = now_ms() + 3000;

	do {
		after = cma_free();
		diff = after - cma_before;
		if (diff >= -256 && diff <= 256)
			break;
		sleep_ms(200);
	} while (now_ms() < until);
	printf("#   CmaFree %lld kB before, %lld kB after\n", cma_before, after);
	CHECK(diff >= -256 && diff <= 256, "CmaFree moved by %lld kB", diff);
}

static int rmmod_now(void)
{
	int until = now_ms() + 3000, r;

	do {
		r = syscall(SYS_delete_module, "u_dma_buf", O_NONBLOCK) ? -errno : 0;
		if (r != -EAGAIN && r != -EBUSY)
			break;
		sleep_ms(100);
	} while (now_ms() < until);
	return r;
}

TEST(the_module_unloads_and_loads_again)
{
	int r = bounded("rmmod u-dma-buf", 4000, rmmod_now);

	CHECK(r == 0, "rmmod: %s", strerror(-r));
	if (r == 0)
		CHECK(access("/sys/class/u-dma-buf", F_OK) != 0, "sysfs class still there");
	r = bounded("insmod", 5000, load_module);
	CHECK(r == 0, "insmod %s %s: %s", ko, modargs, strerror(-r));
	CHECK(exists("/dev/udmabuf0"), "no /dev/udmabuf0 after the reload");
}

TEST(the_kernel_log_has_no_warning_bug_or_oops)
{
	kmsg_drain();
	printf("#   %ld kernel log lines since the start%s\n", kmsg_lines,
	       kmsg_lost ? " (some lost: the log overflowed)" : "");
	CHECK(kmsg_fd >= 0, "cannot read /dev/kmsg");
	CHECK(kmsg_bad == 0, "%ld bad kernel log lines, the first:\n%s", kmsg_bad,
	      kmsg_first_bad);
}

static void on_alarm(int sig)
{
	static const char msg[] = "not ok - storm: ended within its time limit\n"
				  "#   the storm ran out of time; giving up\n";

	(void)sig;
	if (write(1, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

static void usage(const char *prog)
{
	fprintf(stderr, "usage: %s [--seconds N] [--workers N] [--threads N] [--seed S] --ko PATH --modargs ARGS\n",
		prog);
	exit(2);
}

int main(int argc, char **argv)
{
	int i, w, end, left, next_report;
	struct timespec rt;

	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			usage(argv[0]);
		if (!strcmp(argv[i], "--seconds"))
			seconds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--workers"))
			workers = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--threads"))
			threads = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--seed"))
			seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--ko"))
			ko = argv[++i];
		else if (!strcmp(argv[i], "--modargs"))
			modargs = argv[++i];
		else
			usage(argv[0]);
	}
	if (!ko || seconds < 1 || workers < 2 || workers > MAX_WORKERS || threads < 1 ||
	    threads > MAX_THREADS)
		usage(argv[0]);
	setvbuf(stdout, NULL, _IOLBF, 0);	/* a panic must not eat the output */
	t_prefix = "storm: ";
	page = page_size();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	signal(SIGALRM, on_alarm);
	alarm(seconds + 29);
	if (!seed) {
		clock_gettime(CLOCK_REALTIME, &rt);
		seed = (unsigned long long)rt.tv_nsec ^ ((unsigned long long)rt.tv_sec << 20) ^
		       (unsigned long long)getpid() << 40;
	}
	printf("# storm: seed 0x%llx (--seed 0x%llx repeats the choices, not the timing), "
	       "%d s, %d workers (1 rmmod/insmod, %d x %d threads of operations)\n",
	       seed, seed, seconds, workers, workers - 1, threads);

	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg_fd >= 0)
		lseek(kmsg_fd, 0, SEEK_END);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	memset(sh, 0, sizeof(*sh));
	if (meminfo("CmaTotal") > 0) {	/* CMA also holds movable pages: drop caches */
		cma_before = cma_free();
	}

	end = now_ms() + seconds * 1000;
	for (w = 0; w < workers; w++) {
		fflush(stdout);
		pids[w] = fork();
		if (pids[w] == 0) {
			close(kmsg_fd);
			worker(w, end);
		}
		if (pids[w] < 0) {
			perror("fork");
			return 2;
		}
	}

	/* the storm: keep the kernel log drained and say how it goes */
	for (next_report = 5000; (left = reap(end < next_report ? end : next_report)) &&
	     now_ms() < end; next_report += 5000) {
		unsigned long long all = 0;

		for (w = 0; w < workers; w++)
			all += total_ops(w);
		printf("# storm: %d s, %llu operations, %d of %d workers running, "
		       "%ld kernel log lines\n", now_ms() / 1000, all, left, workers, kmsg_lines);
	}
	left = reap(end + 6000);
	if (left) {
		printf("# storm: %d worker(s) still running 6 s after the end:\n", left);
		for (w = 0; w < workers; w++)
			if (!reaped[w]) {
				printf("# storm: worker %d (pid %d), doing '%s' / '%s':\n", w,
				       (int)pids[w], sh->slot[w][0].doing, sh->slot[w][1].doing);
				report_stuck(pids[w]);
			}
		printf("# storm: SIGKILL to them\n");
		for (w = 0; w < workers; w++)
			if (!reaped[w]) {
				killed[w] = 1;
				kill(pids[w], SIGKILL);
			}
		left = reap(now_ms() + 3000);
	}
	for (w = 0; w < workers; w++) {
		if (reaped[w])
			continue;
		stuck++;
		printf("# storm: worker %d (pid %d) cannot be killed; its threads now:\n", w,
		       (int)pids[w]);
		report_stuck(pids[w]);
	}
	printf("# storm: over after %d.%03d s\n", now_ms() / 1000, now_ms() % 1000);
	print_counts();
	if (sh->insmod_error[0])
		printf("# storm: a reload failed: %s\n", sh->insmod_error);

	RUN(every_worker_ended_normally_and_did_every_kind_of_operation);
	RUN(no_storm_buffer_is_left_after_deleting_the_leftovers);
	if (cma_before >= 0 && meminfo("CmaTotal") > 0)
		RUN(cma_comes_back);
	else
		printf("ok %d - storm: cma_comes_back # SKIP no CMA on this kernel\n", ++t_number);
	RUN(the_module_unloads_and_loads_again);
	RUN(the_kernel_log_has_no_warning_bug_or_oops);
	printf("# storm: done after %d.%03d s\n", now_ms() / 1000, now_ms() % 1000);
	return done();
}
