// SPDX-License-Identifier: GPL-2.0
/*
 * mgr.c - /dev/u-dma-buf-mgr: create and delete, several commands in one
 * write, bad names, sizes and words refused with nothing changed, delete
 * refused while a buffer is open or mapped (its data intact), root-only
 * device nodes, and create/delete cycles that give all CMA memory back.
 *
 * usage: mgr
 */
#include "harness.h"

static int buffer_exists(const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), "/dev/%s", name);
	return exists(path);
}

/* Write @cmd; it must fail with @err, log one line and create nothing. */
static void expect_refused(const char *cmd, int err, const char *leftover)
{
	int mark = kmsg_mark();
	int ret = mgr(cmd);

	CHECK(ret == err, "'%s' returned %d, want %d", cmd, ret, err);
	CHECK(kmsg_count(mark, "u-dma-buf") >= 1, "no dmesg line for '%s'", cmd);
	if (leftover)
		CHECK(!buffer_exists(leftover), "'%s' left /dev/%s behind", cmd, leftover);
}

static long long meminfo(const char *key)
{
	char line[256];
	long long val = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key)))
			val = atoll(line + strlen(key) + 1);
	if (f)
		fclose(f);
	return val;
}

TEST(create_and_delete)
{
	CHECK(mgr("create mgrtest0 0x10000") == 0, "create: %s", strerror(errno));
	CHECK(buffer_exists("mgrtest0"), "/dev/mgrtest0 missing");
	CHECK(attr_u64_of("mgrtest0", "size") == 0x10000, "size %llu",
	      attr_u64_of("mgrtest0", "size"));
	CHECK(attr_u64_of("mgrtest0", "sync_size") == 0x10000, "sync_size");
	CHECK(mgr("delete mgrtest0") == 0, "delete");
	CHECK(!buffer_exists("mgrtest0"), "/dev/mgrtest0 still there");
	CHECK(!exists("/sys/class/u-dma-buf/mgrtest0"), "sysfs dir still there");
}

TEST(several_commands_in_one_write)
{
	CHECK(mgr("create mgr_a 4096;create mgr_b 8192\ncreate mgr_c 65536\n") == 0,
	      "three creates");
	CHECK(buffer_exists("mgr_a") && buffer_exists("mgr_b") && buffer_exists("mgr_c"),
	      "not all three exist");
	CHECK(mgr("delete mgr_a; delete mgr_b\n\ndelete mgr_c") == 0, "three deletes");
	CHECK(!buffer_exists("mgr_a") && !buffer_exists("mgr_b") && !buffer_exists("mgr_c"),
	      "a buffer survived");
}

TEST(a_syntax_error_anywhere_changes_nothing)
{
	expect_refused("create mgr_x 4096; frobnicate mgr_y", -EINVAL, "mgr_x");
	expect_refused("create mgr_x 4096\ncreate mgr_y", -EINVAL, "mgr_x");
}

TEST(bad_names_are_refused)
{
	char cmd[256], name[80];

	expect_refused("create a/b 4096", -EINVAL, NULL);
	expect_refused("create .. 4096", -EINVAL, NULL);
	expect_refused("create 4096", -EINVAL, NULL);
	expect_refused("create \x01\x02 4096", -EINVAL, NULL);
	memset(name, 'n', 64);
	name[64] = '\0';
	snprintf(cmd, sizeof(cmd), "create %s 4096", name);
	expect_refused(cmd, -EINVAL, name);
	name[63] = '\0';	/* 63 characters is the longest name */
	snprintf(cmd, sizeof(cmd), "create %s 4096", name);
	CHECK(mgr(cmd) == 0, "63-character name refused");
	snprintf(cmd, sizeof(cmd), "delete %s", name);
	CHECK(mgr(cmd) == 0, "delete the 63-character name");
}

TEST(bad_sizes_and_words_are_refused)
{
	char big[1100];

	expect_refused("create mgr_z 0", -EINVAL, "mgr_z");
	expect_refused("create mgr_z lots", -EINVAL, "mgr_z");
	expect_refused("create mgr_z 12k", -EINVAL, "mgr_z");
	expect_refused("create mgr_z 0x7fffffffffffffff", -ENOMEM, "mgr_z");
	expect_refused("create mgr_z 99999999999999999999999", -EINVAL, "mgr_z");
	expect_refused("remove mgr_z", -EINVAL, NULL);
	expect_refused("create mgr_z 4096 extra", -EINVAL, "mgr_z");
	expect_refused("delete", -EINVAL, NULL);
	expect_refused("delete no_such_buffer", -ENOENT, NULL);
	memset(big, ' ', 200);
	strcpy(big + 200, "create mgr_z 4096");
	expect_refused(big, -EINVAL, "mgr_z");		/* a line over 128 bytes */
	memset(big, ';', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	expect_refused(big, -EINVAL, NULL);		/* a write over 1024 bytes */
}

TEST(duplicates_are_refused)
{
	CHECK(mgr("create mgr_d 4096") == 0, "create");
	expect_refused("create mgr_d 8192", -EEXIST, NULL);
	CHECK(attr_u64_of("mgr_d", "size") == 4096, "the first one changed");
	expect_refused("create udmabuf0 4096", -EEXIST, NULL);
	mgr("delete mgr_d");
}

TEST(delete_is_refused_while_open_or_mapped)
{
	unsigned char *map;
	unsigned char byte = 0;
	int fd, mark;

	CHECK(mgr("create mgr_busy 65536") == 0, "create");
	fd = open("/dev/mgr_busy", O_RDWR);
	CHECK(fd >= 0, "open");
	CHECK(pwrite(fd, "\x42", 1, 100) == 1, "write a byte");
	mark = kmsg_mark();
	CHECK(mgr("delete mgr_busy") == -EBUSY, "delete while open");
	CHECK(kmsg_count(mark, "mgr_busy") >= 1, "no dmesg line");
	CHECK(buffer_exists("mgr_busy"), "gone while open");
	map = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "mmap");
	close(fd);
	CHECK(mgr("delete mgr_busy") == -EBUSY, "delete while mapped");
	if (map != MAP_FAILED) {
		CHECK(map[100] == 0x42, "data changed while mapped: 0x%02x", map[100]);
		munmap(map, 65536);
	}
	fd = open("/dev/mgr_busy", O_RDONLY);
	CHECK(pread(fd, &byte, 1, 100) == 1 && byte == 0x42, "data lost: 0x%02x", byte);
	close(fd);
	CHECK(mgr("delete mgr_busy") == 0, "delete once closed");
}

TEST(device_nodes_are_root_only)
{
	struct stat st;

	CHECK(stat("/dev/u-dma-buf-mgr", &st) == 0 && (st.st_mode & 0777) == 0600 &&
	      st.st_uid == 0, "mgr mode %o uid %d", st.st_mode & 0777, st.st_uid);
	CHECK(stat("/dev/udmabuf0", &st) == 0 && (st.st_mode & 0777) == 0600 &&
	      st.st_uid == 0, "udmabuf0 mode %o uid %d", st.st_mode & 0777, st.st_uid);
	CHECK(S_ISCHR(st.st_mode), "not a character device");
}

/*
 * CmaFree moves with ordinary page-cache use (CMA pages also serve movable
 * allocations), so a leak is shown by what can still be allocated: after
 * 40 cycles of 1 MiB, one buffer of nearly all the CMA that was free before
 * must still fit. Without CMA (x86_64), MemFree must not fall by the 40 MiB
 * a leak would cost.
 */
TEST(forty_cycles_give_all_memory_back)
{
	long long cma_before = meminfo("CmaFree"), mem_before = meminfo("MemFree");
	char cmd[96];
	int i, failures = 0;

	for (i = 0; i < 40; i++) {
		snprintf(cmd, sizeof(cmd), "create cycle%d 0x100000", i % 3);
		failures += mgr(cmd) != 0;
		snprintf(cmd, sizeof(cmd), "delete cycle%d", i % 3);
		failures += mgr(cmd) != 0;
	}
	CHECK(failures == 0, "%d commands failed", failures);
	printf("# CmaFree %lld kB -> %lld kB, MemFree %lld kB -> %lld kB\n",
	       cma_before, meminfo("CmaFree"), mem_before, meminfo("MemFree"));
	if (cma_before > 16 * 1024) {
		long long big = (cma_before - 16 * 1024) * 1024 & ~0xfffffLL;

		snprintf(cmd, sizeof(cmd), "create cycle_big %lld", big);
		CHECK(mgr(cmd) == 0, "%lld bytes of CMA no longer fit after the cycles", big);
		mgr("delete cycle_big");
	} else {
		CHECK(mem_before - meminfo("MemFree") < 20 * 1024,
		      "MemFree fell by %lld kB", mem_before - meminfo("MemFree"));
	}
}

int main(void)
{
	t_prefix = "mgr: ";
	RUN(create_and_delete);
	RUN(several_commands_in_one_write);
	RUN(a_syntax_error_anywhere_changes_nothing);
	RUN(bad_names_are_refused);
	RUN(bad_sizes_and_words_are_refused);
	RUN(duplicates_are_refused);
	RUN(delete_is_refused_while_open_or_mapped);
	RUN(device_nodes_are_root_only);
	RUN(forty_cycles_give_all_memory_back);
	return done();
}
