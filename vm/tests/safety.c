// SPDX-License-Identifier: GPL-2.0
/*
 * safety.c - what the original driver gets wrong on /dev/<name> and sysfs:
 * a user copy that faults changes no byte it did not report as copied,
 * sysfs writes with a NUL byte in them are refused, a read-only file
 * cannot hand the buffer over, and read() racing mmap() does not deadlock
 * (the buffer lock must not be held across copy_to_user: the fault takes
 * mmap_lock, which mmap() holds while it takes the buffer lock).
 *
 * The deadlock test runs last: on a driver that deadlocks, the stuck
 * threads keep the buffer's lock and every later use of it would hang.
 *
 * usage: safety NAME SIZE   (1 MiB or more; its contents are overwritten)
 */
#include <pthread.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

/* ---- the buffer's expected contents ------------------------------------ */

static unsigned char *expect;	/* what the buffer must hold, size bytes */

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + (i >> 12) * 13 + 1);
}

/* Fill the buffer (and expect) with the pattern through write(). */
static int fill(int fd)
{
	size_t i;

	for (i = 0; i < size; i++)
		expect[i] = pattern(i);
	return pwrite(fd, expect, size, 0) == (ssize_t)size ? 0 : -errno;
}

/* First offset where @got differs from expect, or -1. */
static long long first_diff(const unsigned char *got)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (got[i] != expect[i])
			return i;
	return -1;
}

/* Compare the buffer with expect through pread() and through mmap(). */
static void check_contents(int fd, const char *after)
{
	unsigned char *got = malloc(size), *map;
	long long at;

	if (!got)
		return;
	CHECK(pread(fd, got, size, 0) == (ssize_t)size, "read back after %s", after);
	at = first_diff(got);
	CHECK(at < 0, "after %s: read() sees byte %lld = 0x%02x, want 0x%02x", after,
	      at, got[at < 0 ? 0 : at], expect[at < 0 ? 0 : at]);
	free(got);
	map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "mmap after %s", after);
	if (map == MAP_FAILED)
		return;
	at = first_diff(map);
	CHECK(at < 0, "after %s: mmap sees byte %lld = 0x%02x, want 0x%02x", after,
	      at, map[at < 0 ? 0 : at], expect[at < 0 ? 0 : at]);
	munmap(map, size);
}

/* Two pages of anonymous memory, each byte @seed + i; the second page
 * then gets protection @prot2. */
static unsigned char *two_pages(unsigned char seed, int prot2)
{
	long ps = page_size();
	unsigned char *p = mmap(NULL, 2 * ps, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long i;

	if (p == MAP_FAILED)
		return NULL;
	for (i = 0; i < 2 * ps; i++)
		p[i] = (unsigned char)(seed + i);
	mprotect(p + ps, ps, prot2);
	return p;
}

/*
 * pwrite(@src, @len, @off) where @src's readable bytes end after @valid
 * bytes, on a freshly filled buffer. Either EFAULT and nothing changed, or
 * n bytes, 0 < n <= @valid, copied from @src and nothing else changed.
 * (n may fall short of @valid: arm64's copy_from_user stops up to a block
 * before the fault; what matters is that the count is the truth.)
 */
static void partial_write(int fd, const unsigned char *src, size_t len,
			  off_t off, size_t valid, const char *what)
{
	ssize_t n;
	int err;

	CHECK(fill(fd) == 0, "fill the buffer");
	errno = 0;
	n = pwrite(fd, src, len, off);
	err = errno;
	if (n < 0) {
		CHECK(err == EFAULT, "%s: errno %d, want EFAULT", what, err);
	} else {
		CHECK(n > 0 && (size_t)n <= valid,
		      "%s: wrote %lld bytes, want 1 to %zu or EFAULT", what,
		      (long long)n, valid);
		if (n > 0 && (size_t)n <= valid)
			memcpy(expect + off, src, n);
	}
	printf("# %s: %lld (errno %d)\n", what, (long long)n, n < 0 ? err : 0);
	check_contents(fd, what);
}

TEST(a_faulting_write_changes_only_what_it_reports)
{
	void *volatile null = NULL;	/* the compiler must not see it is NULL */
	long ps = page_size();
	int fd = open(dev, O_RDWR);
	unsigned char *src;

	CHECK(fd >= 0, "open");
	CHECK(fill(fd) == 0, "fill the buffer");
	errno = 0;
	CHECK(pwrite(fd, null, 4096, 0) == -1 && errno == EFAULT,
	      "write from NULL: errno %d, want EFAULT", errno);
	check_contents(fd, "a write from NULL");

	src = two_pages(0x40, PROT_NONE);
	CHECK(src, "two pages");
	if (src) {
		partial_write(fd, src, 2 * ps, 2 * ps, ps,
			      "a write whose 2nd source page is PROT_NONE");
		partial_write(fd, src + ps - 100, 4096, 5 * ps + 7, 100,
			      "a write 100 bytes before a PROT_NONE page");
		munmap(src, 2 * ps);
	}
	close(fd);
}

TEST(a_faulting_read_changes_nothing)
{
	void *volatile null = NULL;
	long ps = page_size();
	int fd = open(dev, O_RDWR);
	unsigned char *dst;
	ssize_t n;

	CHECK(fd >= 0, "open");
	CHECK(fill(fd) == 0, "fill the buffer");
	errno = 0;
	CHECK(pread(fd, null, 4096, 0) == -1 && errno == EFAULT,
	      "read into NULL: errno %d, want EFAULT", errno);
	check_contents(fd, "a read into NULL");

	dst = two_pages(0, PROT_READ);
	CHECK(dst, "two pages");
	if (!dst) {
		close(fd);
		return;
	}
	errno = 0;
	n = pread(fd, dst, 2 * ps, 0);
	CHECK(n == ps || (n == -1 && errno == EFAULT),
	      "read into a read-only 2nd page: %lld (errno %d), want %ld or EFAULT",
	      (long long)n, errno, ps);
	if (n == ps)
		CHECK(!memcmp(dst, expect, ps), "the first page read wrong bytes");
	check_contents(fd, "a read into a read-only page");
	munmap(dst, 2 * ps);
	close(fd);
}

/* write(@len bytes of @text) to @attr in one call; 0 or -errno. */
static int attr_write_raw(const char *attr, const char *text, size_t len)
{
	char path[256];
	int fd, ret = 0;

	attr_path(path, sizeof(path), ub_name, attr);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, text, len) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

/* Writing @len bytes of @text (with a NUL in them) to @attr must fail
 * with EINVAL and leave @watch as it was. */
static void expect_nul_refused(const char *attr, const char *text, size_t len,
			       const char *watch)
{
	unsigned long long before = attr_u64(watch);
	int ret = attr_write_raw(attr, text, len);

	CHECK(ret == -EINVAL, "%s <- '%s\\0...' (%zu bytes) returned %d, want -EINVAL",
	      attr, text, len, ret);
	CHECK(attr_u64(watch) == before, "%s changed from %llu to %llu", watch,
	      before, attr_u64(watch));
}

/* The stored sync area back to the whole buffer, sync_mode 1, owner @owner. */
static void reset_sync_attrs(int owner)
{
	attr_write("sync_mode", "1");
	attr_write("sync_offset", "0");
	attr_writef("sync_size", "%llu", size);
	attr_write("sync_direction", "0");
	attr_write(owner ? "sync_for_device" : "sync_for_cpu", "1");
}

TEST(sysfs_writes_with_a_nul_byte_are_refused)
{
	reset_sync_attrs(0);
	expect_nul_refused("sync_mode", "3\0junk", 6, "sync_mode");
	reset_sync_attrs(0);
	expect_nul_refused("sync_offset", "16\0x", 4, "sync_offset");
	reset_sync_attrs(0);
	expect_nul_refused("sync_direction", "1\0", 2, "sync_direction");
	reset_sync_attrs(1);	/* owner 1: for_cpu must keep it */
	expect_nul_refused("sync_for_cpu", "1\0junk", 6, "sync_owner");
	reset_sync_attrs(0);
}

/* SET_SYNC_FOR_CPU/_DEVICE (@cmd) of the stored area */
static int sync_ioctl(int fd, unsigned long cmd)
{
	unsigned long long v = 1;

	return ioctl(fd, cmd, &v) ? -errno : 0;
}

/* On @fd (O_RDONLY) the sync @cmd must fail with EBADF, owner kept. */
static void expect_sync_ebadf(int fd, unsigned long flags, const char *what)
{
	unsigned long long owner = attr_u64("sync_owner");
	int ret = sync_ioctl(fd, flags);

	CHECK(ret == -EBADF, "%s on O_RDONLY returned %d, want -EBADF", what, ret);
	CHECK(attr_u64("sync_owner") == owner, "%s on O_RDONLY moved the owner", what);
}

TEST(a_read_only_file_cannot_sync)
{
	u_dma_buf_ioctl_dev_info info;
	int ro = open(dev, O_RDONLY), rw = open(dev, O_RDWR);

	CHECK(ro >= 0 && rw >= 0, "open");
	attr_write("sync_for_cpu", "1");
	expect_sync_ebadf(ro, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, "SYNC_FOR_DEVICE");
	attr_write("sync_for_device", "1");
	expect_sync_ebadf(ro, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, "SYNC_FOR_CPU");
	CHECK(ioctl(ro, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == 0 && info.size == size,
	      "GET_DEV_INFO on O_RDONLY: %s", strerror(errno));
	CHECK(sync_ioctl(rw, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU) == 0 &&
	      attr_u64("sync_owner") == 0, "SYNC_FOR_CPU on O_RDWR");
	CHECK(sync_ioctl(rw, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE) == 0 &&
	      attr_u64("sync_owner") == 1, "SYNC_FOR_DEVICE on O_RDWR");
	CHECK(ioctl(rw, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == 0, "GET_DEV_INFO on O_RDWR");
	attr_write("sync_for_cpu", "1");
	close(ro);
	close(rw);
}

/* ---- read() against mmap() ---------------------------------------------- */

#define RACE_LEN	(64 * 1024)
#define RACE_SECONDS	3
#define RACE_TIMEOUT	20

struct race {
	int fd;
	volatile int stop;
	volatile unsigned long reads, maps, errors;
};

static void *race_reader(void *arg)
{
	struct race *r = arg;

	while (!r->stop) {
		void *mem = mmap(NULL, RACE_LEN, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (mem == MAP_FAILED) {
			r->errors++;
			continue;
		}
		/* untouched: copy_to_user faults on every page */
		if (pread(r->fd, mem, RACE_LEN, 0) != RACE_LEN)
			r->errors++;
		munmap(mem, RACE_LEN);
		r->reads++;
	}
	return NULL;
}

static void *race_mapper(void *arg)
{
	struct race *r = arg;

	while (!r->stop) {
		void *map = mmap(NULL, RACE_LEN, PROT_READ | PROT_WRITE,
				 MAP_SHARED, r->fd, 0);

		if (map == MAP_FAILED) {
			r->errors++;
			continue;
		}
		munmap(map, RACE_LEN);
		r->maps++;
	}
	return NULL;
}

/* The forked child: both threads for RACE_SECONDS; exit 0 if no errors. */
static void race_child(struct race *r)
{
	pthread_t a, b;

	r->fd = open(dev, O_RDWR);
	if (r->fd < 0)
		_exit(2);
	if (pthread_create(&a, NULL, race_reader, r) ||
	    pthread_create(&b, NULL, race_mapper, r))
		_exit(3);
	sleep(RACE_SECONDS);
	r->stop = 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	_exit(r->errors ? 1 : 0);
}

/* Wait up to @seconds for @pid; its wait status, or -1 if still running. */
static int wait_for(pid_t pid, int seconds)
{
	struct timespec tick = { 0, 100 * 1000 * 1000 };
	int status, i;

	for (i = 0; i < seconds * 10; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		nanosleep(&tick, NULL);
	}
	return -1;
}

TEST(read_racing_mmap_does_not_deadlock)
{
	struct race *r = mmap(NULL, sizeof(*r), PROT_READ | PROT_WRITE,
			      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;
	int status;

	CHECK(r != MAP_FAILED, "shared memory");
	if (r == MAP_FAILED)
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		race_child(r);
	CHECK(pid > 0, "fork");
	if (pid < 0)
		return;
	status = wait_for(pid, RACE_TIMEOUT);
	printf("# %lu reads into fresh memory, %lu mmaps, %lu errors\n",
	       r->reads, r->maps, r->errors);
	CHECK(status != -1, "not finished after %d s: read() and mmap() deadlocked "
	      "(the child stays in D state; it cannot be killed)", RACE_TIMEOUT);
	if (status == -1) {
		kill(pid, SIGKILL);	/* no use waiting: a D-state task stays */
		return;
	}
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child ended with status 0x%x", status);
	CHECK(r->reads > 0 && r->maps > 0, "a thread never got through");
	munmap(r, sizeof(*r));
}

int main(int argc, char **argv)
{
	setup(argc, argv, "safety: ");
	expect = malloc(size);
	if (!expect || size < 16 * (unsigned long long)page_size()) {
		fprintf(stderr, "safety: the buffer must be at least 16 pages\n");
		return 2;
	}
	RUN(a_faulting_write_changes_only_what_it_reports);
	RUN(a_faulting_read_changes_nothing);
	RUN(sysfs_writes_with_a_nul_byte_are_refused);
	RUN(a_read_only_file_cannot_sync);
	RUN(read_racing_mmap_does_not_deadlock);
	return done();
}
