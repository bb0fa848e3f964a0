// SPDX-License-Identifier: GPL-2.0
/*
 * mgr_safety.c - what the original manager gets wrong: create and delete
 * of one name racing each other (and an open of it), writes with a NUL
 * byte, names devtmpfs or /dev cannot take, and an open of a buffer while
 * a failing insmod is still creating it.
 *
 * usage: mgr_safety
 *        mgr_safety --ko PATH [--reload ARGS]
 *
 * Without --ko: the manager tests; the insmod race is reported as skipped.
 * With --ko: only the insmod race, which unloads u-dma-buf, loads PATH 20
 * times with parameters that fail, and at the end loads it with ARGS.
 * Every buffer a test creates is deleted, whatever the test's outcome.
 */
#include <signal.h>
#include <dirent.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>

#include "harness.h"

/* ---- helpers ------------------------------------------------------------ */

static int dot_or_dotdot(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..");
}

/* Entries in /sys/class/u-dma-buf, or -1. */
static int buffer_count(void)
{
	DIR *dir = opendir("/sys/class/u-dma-buf");
	struct dirent *e;
	int n = 0;

	if (!dir)
		return -1;
	while ((e = readdir(dir)))
		n += !dot_or_dotdot(e->d_name);
	closedir(dir);
	return n;
}

/* Is there a buffer @name? (Looked up by name: a path would take "."
 * and ".." for the directory itself.) */
static int buffer_exists(const char *name)
{
	DIR *dir = opendir("/sys/class/u-dma-buf");
	struct dirent *e;
	int found = 0;

	while (dir && (e = readdir(dir)))
		if (!dot_or_dotdot(e->d_name) && !strcmp(e->d_name, name))
			found = 1;
	if (dir)
		closedir(dir);
	return found;
}

/* Delete @name if a buffer of that name exists; 1 if it had to. */
static int cleanup(const char *name)
{
	char cmd[128];

	if (!buffer_exists(name))
		return 0;
	snprintf(cmd, sizeof(cmd), "delete %s", name);
	mgr(cmd);
	return 1;
}

static long long meminfo(const char *key)
{
	char line[256];
	long long val = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key)) && line[strlen(key)] == ':')
			val = atoll(line + strlen(key) + 1);
	if (f)
		fclose(f);
	return val;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* Wait up to @seconds for @pid; its wait status, or -1 if still running
 * (then it is sent SIGKILL, but not waited for: a task in D state stays). */
static int wait_for(pid_t pid, int seconds)
{
	int status, i;

	for (i = 0; i < seconds * 10; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		sleep_ms(100);
	}
	kill(pid, SIGKILL);
	return -1;
}

/* ---- create and delete of one name, racing ------------------------------ */

#define RACE_SECONDS	4
#define RACE_TIMEOUT	30

/* What each racer did, in memory shared with the parent. */
struct racer {
	volatile unsigned long ok, expected_err, other_err;
	volatile int last_other;
};

static void count(struct racer *r, int ret, int e1, int e2, int e3)
{
	if (!ret)
		r->ok++;
	else if (ret == -e1 || ret == -e2 || ret == -e3)
		r->expected_err++;
	else {
		r->other_err++;
		r->last_other = -ret;
	}
}

static void race_cmd(struct racer *r, const char *cmd)
{
	int fd = open("/dev/u-dma-buf-mgr", O_WRONLY);
	double end = now() + RACE_SECONDS;

	if (fd < 0)
		_exit(2);
	while (now() < end)
		count(r, write(fd, cmd, strlen(cmd)) < 0 ? -errno : 0,
		      EEXIST, ENOENT, EBUSY);
	_exit(0);
}

/*
 * Opens, maps and reads /dev/racex whenever it can, in the second half of
 * the race only: an open buffer cannot be deleted, so in the first half
 * create and delete run into each other unhindered.
 */
static void race_open(struct racer *r)
{
	double end = now() + RACE_SECONDS;
	char byte;

	sleep_ms(RACE_SECONDS * 1000 / 2);

	while (now() < end) {
		int fd = open("/dev/racex", O_RDWR);
		unsigned char *map;

		if (fd < 0) {
			count(r, -errno, ENOENT, ENXIO, ENODEV);
			continue;
		}
		map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (map != MAP_FAILED) {
			map[0] = 0x5a;
			munmap(map, 4096);
		}
		count(r, map == MAP_FAILED || pread(fd, &byte, 1, 0) != 1 ? -errno : 0,
		      0, 0, 0);
		close(fd);
	}
	_exit(0);
}

static pid_t racer(void (*fn)(struct racer *, const char *), struct racer *r,
		   const char *cmd)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		fn(r, cmd);
	return pid;
}

static void race_open_cmd(struct racer *r, const char *unused)
{
	(void)unused;
	race_open(r);
}

/* Wait up to 2 s for CmaFree to come back to within 64 KiB of @before. */
static long long cma_settled(long long before)
{
	long long free_kb = meminfo("CmaFree");
	int i;

	for (i = 0; i < 20 && before - free_kb > 64; i++) {
		sleep_ms(100);
		free_kb = meminfo("CmaFree");
	}
	return free_kb;
}

TEST(create_and_delete_of_one_name_racing)
{
	static const char *what[] = { "create", "delete", "open" };
	struct racer *r = mmap(NULL, 3 * sizeof(*r), PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int before = buffer_count(), stuck = 0, i;
	long long cma_total = meminfo("CmaTotal"), cma_before = meminfo("CmaFree");
	pid_t pid[3];

	CHECK(r != MAP_FAILED, "shared memory");
	if (r == MAP_FAILED)
		return;
	cleanup("racex");
	pid[0] = racer(race_cmd, &r[0], "create racex 4096");
	pid[1] = racer(race_cmd, &r[1], "delete racex");
	pid[2] = racer(race_open_cmd, &r[2], NULL);
	for (i = 0; i < 3; i++) {
		int status = pid[i] > 0 ? wait_for(pid[i], RACE_TIMEOUT) : -1;

		printf("# %s: %lu ok, %lu expected errors, %lu others (last errno %d)\n",
		       what[i], r[i].ok, r[i].expected_err, r[i].other_err,
		       r[i].last_other);
		CHECK(status != -1, "the %s process did not finish", what[i]);
		stuck += status == -1;
	}
	CHECK(r[0].ok > 0 && r[1].ok > 0, "no create or no delete got through");
	CHECK(r[0].other_err == 0 && r[1].other_err == 0,
	      "create/delete failed other than EEXIST, ENOENT or EBUSY");
	if (!stuck) {
		cleanup("racex");
		CHECK(!buffer_exists("racex") && !exists("/dev/racex"), "racex left behind");
	}
	CHECK(buffer_count() == before, "%d buffers before the race, %d after",
	      before, buffer_count());
	if (cma_total > 0) {
		long long after = cma_settled(cma_before);

		CHECK(cma_before - after <= 64, "CmaFree %lld kB before, %lld kB after",
		      cma_before, after);
	}
	munmap(r, 3 * sizeof(*r));
}

/* ---- refusals ------------------------------------------------------------ */

/*
 * The @len bytes of @cmd must fail with @err and create nothing: no new
 * entry in /sys/class/u-dma-buf, no buffer @name, no device node @node
 * (unless NULL). @name is deleted if it was created anyway.
 */
static void expect_refused(const char *cmd, size_t len, int err, const char *name,
			   const char *node, const char *what)
{
	int before = buffer_count();
	int ret = mgr_write(cmd, len);

	CHECK(ret == err, "%s: returned %d, want %d", what, ret, err);
	CHECK(!buffer_exists(name) && buffer_count() == before,
	      "%s: a buffer appeared (%d before, %d after)", what, before,
	      buffer_count());
	if (node)
		CHECK(!exists(node), "%s: %s exists", what, node);
	cleanup(name);
}

TEST(writes_with_a_nul_byte_are_refused)
{
	expect_refused("create kn1 4096\0junk", 20, -EINVAL, "kn1", "/dev/kn1",
		       "'create kn1 4096\\0junk'");
	expect_refused("create kn2 4096\n\0", 17, -EINVAL, "kn2", "/dev/kn2",
		       "'create kn2 4096\\n\\0'");
}

/* The command "create @name 4096" must fail with @err. */
static void expect_name_refused(const char *name, int err, const char *node)
{
	char cmd[160], what[160];

	snprintf(cmd, sizeof(cmd), "create %s 4096", name);
	snprintf(what, sizeof(what), "name '%.70s'", name);
	expect_refused(cmd, strlen(cmd), err, name, node, what);
}

TEST(names_dev_cannot_take_are_refused)
{
	char long_name[65], node[80];
	struct stat st;

	/* devtmpfs makes a!b into /dev/a/b */
	expect_name_refused("a!b", -EINVAL, "/dev/a");
	expect_name_refused("null", -EEXIST, NULL);
	CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode) &&
	      major(st.st_rdev) == 1 && minor(st.st_rdev) == 3,
	      "/dev/null is no longer char 1:3");
	expect_name_refused(".", -EINVAL, NULL);
	expect_name_refused("..", -EINVAL, NULL);
	memset(long_name, 'n', 64);
	long_name[64] = '\0';
	snprintf(node, sizeof(node), "/dev/%s", long_name);
	expect_name_refused(long_name, -EINVAL, node);
	expect_name_refused("a\x1b" "b", -EINVAL, "/dev/a\x1b" "b");
	expect_name_refused("a\x7f" "b", -EINVAL, "/dev/a\x7f" "b");
}

/* ---- insmod racing an open ------------------------------------------------ */

#define INSMOD_TRIES	20
#define FAILING_ARGS	"udmabuf0=4096 udmabuf7=0x7fffffffffff"

static const char *ko_path, *reload_args = "";

static int load(const char *args)
{
	int fd = open(ko_path, O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0)
		return -errno;
	ret = syscall(SYS_finit_module, fd, args, 0) ? -errno : 0;
	close(fd);
	return ret;
}

static int unload(void)
{
	return syscall(SYS_delete_module, "u_dma_buf", O_NONBLOCK) ? -errno : 0;
}

static int module_loaded(void)
{
	char line[256];
	FILE *f = fopen("/proc/modules", "r");
	int found = 0;

	while (f && fgets(line, sizeof(line), f))
		found |= !strncmp(line, "u_dma_buf ", 10);
	if (f)
		fclose(f);
	return found;
}

/* Opens /dev/udmabuf0 whenever it can, maps and reads it, holds it 50 ms. */
static void open_loop(volatile int *stop, struct racer *r)
{
	while (!*stop) {
		int fd = open("/dev/udmabuf0", O_RDWR);
		unsigned char *map;
		char byte;

		if (fd < 0)
			continue;
		map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (map != MAP_FAILED)
			byte = *(volatile unsigned char *)map;
		count(r, map == MAP_FAILED || pread(fd, &byte, 1, 0) != 1 ? -errno : 0,
		      0, 0, 0);
		sleep_ms(50);
		if (map != MAP_FAILED)
			munmap(map, 4096);
		close(fd);
	}
	_exit(0);
}

/* Tries to load the module with FAILING_ARGS; returns how many loads
 * succeeded (each then unloaded again). */
static int failing_loads(void)
{
	int i, j, loaded = 0, ret;

	for (i = 0; i < INSMOD_TRIES; i++) {
		if (load(FAILING_ARGS))
			continue;
		loaded++;
		for (j = 0; j < 50; j++) {
			ret = unload();
			if (ret != -EWOULDBLOCK && ret != -EBUSY)
				break;
			sleep_ms(100);
		}
	}
	return loaded;
}

static void test_insmod_racing_an_open(void)
{
	struct { volatile int stop; struct racer r; } *s;
	int loaded, status;
	pid_t pid;

	s = mmap(NULL, sizeof(*s), PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(s != MAP_FAILED, "shared memory");
	if (s == MAP_FAILED)
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		open_loop(&s->stop, &s->r);
	CHECK(pid > 0, "fork");
	loaded = failing_loads();
	s->stop = 1;
	status = pid > 0 ? wait_for(pid, 10) : 0;
	printf("# %d of %d loads with %s succeeded; %lu opens got through\n",
	       loaded, INSMOD_TRIES, FAILING_ARGS, s->r.ok + s->r.other_err);
	CHECK(loaded == 0, "insmod %s succeeded %d times", FAILING_ARGS, loaded);
	CHECK(status != -1, "the opening process did not finish");
	CHECK(!exists("/dev/udmabuf0"), "/dev/udmabuf0 remains");
	CHECK(!module_loaded(), "u_dma_buf is loaded");
	CHECK(load(reload_args) == 0, "reload with '%s': %s", reload_args, strerror(errno));
	CHECK(module_loaded(), "u_dma_buf is not loaded after the reload");
	munmap(s, sizeof(*s));
}

/* Unload, race, reload; skipped without --ko or while the module is busy. */
static void insmod_racing_an_open(void)
{
	const char *skip = NULL;
	int ret;

	if (!ko_path)
		skip = "needs --ko PATH";
	else if ((ret = unload()) && ret != -ENOENT)
		skip = "u-dma-buf is in use";
	if (!skip) {
		RUN(insmod_racing_an_open);
		return;
	}
	printf("ok %d - %sinsmod_racing_an_open # SKIP %s\n", ++t_number, t_prefix, skip);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--ko"))
			ko_path = argv[i + 1];
		else if (!strcmp(argv[i], "--reload"))
			reload_args = argv[i + 1];
		else
			break;
	}
	if (i != argc) {
		fprintf(stderr, "usage: %s [--ko PATH [--reload ARGS]]\n", argv[0]);
		return 2;
	}
	t_prefix = "mgr_safety: ";
	if (!ko_path) {
		RUN(writes_with_a_nul_byte_are_refused);
		RUN(names_dev_cannot_take_are_refused);
		/* last: on a driver with the use-after-free it oopses */
		RUN(create_and_delete_of_one_name_racing);
	}
	insmod_racing_an_open();
	return done();
}
