// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs.c - /sys/class/u-dma-buf/<name>/ attributes: formats, writes in
 * any base, rejections that change nothing and log one line, owner
 * hand-over through sync_for_cpu / sync_for_device (1 and packed ranges).
 *
 * usage: sysfs NAME SIZE   (a buffer created with that size, untouched)
 */
#include "harness.h"


/* Write @text to @attr; it must fail with EINVAL, leave @attr's value
 * as it was and log one line naming @attr. */
static void expect_rejected(const char *attr, const char *text)
{
	unsigned long long before = attr_u64(attr);
	int mark = kmsg_mark();
	int ret = attr_write(attr, text);

	CHECK(ret == -EINVAL, "%s <- '%s' returned %d, want -EINVAL", attr, text, ret);
	CHECK(attr_u64(attr) == before, "%s changed from %llu to %llu after '%s'",
	      attr, before, attr_u64(attr), text);
	CHECK(kmsg_count(mark, attr) == 1, "no single dmesg line naming %s for '%s'",
	      attr, text);
}

TEST(read_only_attributes_have_the_original_formats)
{
	char buf[64];

	CHECK(attr_read_of(ub_name, "phys_addr", buf, sizeof(buf)) > 0 &&
	      !strncmp(buf, "0x", 2) && strtoull(buf, NULL, 16) != 0,
	      "phys_addr '%s' is not 0x + hex", buf);
	CHECK(attr_read_of(ub_name, "size", buf, sizeof(buf)) > 0 &&
	      strtoull(buf, NULL, 10) == size && buf[0] != '0',
	      "size '%s' is not decimal %llu", buf, size);
	CHECK(attr_read_of(ub_name, "driver_version", buf, sizeof(buf)) > 0 &&
	      strchr(buf, '.'), "driver_version '%s'", buf);
	CHECK(attr_read_of(ub_name, "dma_coherent", buf, sizeof(buf)) > 0 &&
	      (!strcmp(buf, "0\n") || !strcmp(buf, "1\n")), "dma_coherent '%s'", buf);
	CHECK(attr_read_of(ub_name, "sync_owner", buf, sizeof(buf)) > 0 &&
	      !strcmp(buf, "0\n"), "sync_owner '%s' at start, want 0", buf);
}

TEST(defaults_of_a_new_buffer)
{
	CHECK(attr_u64("sync_mode") == 1, "sync_mode %llu", attr_u64("sync_mode"));
	CHECK(attr_u64("sync_offset") == 0, "sync_offset %llu", attr_u64("sync_offset"));
	CHECK(attr_u64("sync_size") == size, "sync_size %llu", attr_u64("sync_size"));
	CHECK(attr_u64("sync_direction") == 0, "sync_direction %llu",
	      attr_u64("sync_direction"));
}

TEST(writes_accept_any_base_and_read_back_decimal)
{
	char buf[64];

	CHECK(attr_write("sync_offset", "0x1000") == 0, "hex write");
	CHECK(attr_read_of(ub_name, "sync_offset", buf, sizeof(buf)) > 0 &&
	      !strcmp(buf, "4096\n"), "sync_offset reads '%s', want 4096", buf);
	CHECK(attr_write("sync_offset", "32\n") == 0, "decimal with newline");
	CHECK(attr_u64("sync_offset") == 32, "sync_offset %llu", attr_u64("sync_offset"));
	CHECK(attr_writef("sync_size", "%llu", size) == 0, "sync_size = size");
	CHECK(attr_write("sync_size", "0x100") == 0, "sync_size hex");
	CHECK(attr_u64("sync_size") == 256, "sync_size %llu", attr_u64("sync_size"));
	for (int mode = 0; mode <= 7; mode++) {
		CHECK(attr_writef("sync_mode", "%d", mode) == 0, "sync_mode %d", mode);
		CHECK(attr_u64("sync_mode") == (unsigned)mode, "sync_mode reads %llu",
		      attr_u64("sync_mode"));
	}
	for (int dir = 0; dir <= 2; dir++) {
		CHECK(attr_writef("sync_direction", "%d", dir) == 0, "direction %d", dir);
		CHECK(attr_u64("sync_direction") == (unsigned)dir, "direction reads %llu",
		      attr_u64("sync_direction"));
	}
	attr_write("sync_mode", "1");
	attr_write("sync_offset", "0");
	attr_writef("sync_size", "%llu", size);
	attr_write("sync_direction", "0");
}

TEST(bad_values_are_rejected_and_change_nothing)
{
	static const char *junk[] = { "abc", "\n", "1x", "0x", "-1", " 1",
		"99999999999999999999999" };
	char past[32];

	for (unsigned i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		expect_rejected("sync_mode", junk[i]);
		expect_rejected("sync_offset", junk[i]);
	}
	expect_rejected("sync_mode", "8");
	expect_rejected("sync_direction", "3");
	snprintf(past, sizeof(past), "%llu", size + 1);
	expect_rejected("sync_offset", past);
	expect_rejected("sync_size", past);
}

TEST(read_only_attributes_refuse_writes)
{
	static const char *ro[] = { "phys_addr", "size", "sync_owner",
		"dma_coherent", "driver_version" };

	for (unsigned i = 0; i < sizeof(ro) / sizeof(ro[0]); i++) {
		unsigned long long before = attr_u64(ro[i]);

		CHECK(attr_write(ro[i], "1") < 0, "%s accepted a write", ro[i]);
		CHECK(attr_u64(ro[i]) == before, "%s changed", ro[i]);
	}
}

TEST(sync_files_hand_the_buffer_over)
{
	CHECK(attr_write("sync_for_device", "1") == 0, "sync_for_device 1");
	CHECK(attr_u64("sync_owner") == 1, "owner %llu after for_device",
	      attr_u64("sync_owner"));
	CHECK(attr_write("sync_for_cpu", "1") == 0, "sync_for_cpu 1");
	CHECK(attr_u64("sync_owner") == 0, "owner %llu after for_cpu",
	      attr_u64("sync_owner"));
	CHECK(attr_write("sync_for_device", "0x1") == 0, "hex 1");
	CHECK(attr_u64("sync_owner") == 1, "owner after hex 1");
	attr_write("sync_for_cpu", "1");
}

TEST(packed_one_off_ranges_leave_the_stored_area_alone)
{
	char packed[32];
	unsigned long long off = 0x1000, len = 0x2000;

	attr_write("sync_offset", "16");
	attr_write("sync_size", "4096");
	attr_write("sync_direction", "2");
	/* the original's sprintf("0x%08X%08X", offset, size | dir << 2 | 1) */
	snprintf(packed, sizeof(packed), "0x%08llX%08llX", off,
		 (len & 0xFFFFFFF0) | (1 << 2) | 1);
	CHECK(attr_write("sync_for_device", packed) == 0, "packed %s", packed);
	CHECK(attr_u64("sync_owner") == 1, "owner after packed for_device");
	snprintf(packed, sizeof(packed), "0x%08llX%08llX", off,
		 (len & 0xFFFFFFF0) | (2 << 2) | 1);
	CHECK(attr_write("sync_for_cpu", packed) == 0, "packed %s", packed);
	CHECK(attr_u64("sync_owner") == 0, "owner after packed for_cpu");
	CHECK(attr_u64("sync_offset") == 16 && attr_u64("sync_size") == 4096 &&
	      attr_u64("sync_direction") == 2, "stored area changed: %llu %llu %llu",
	      attr_u64("sync_offset"), attr_u64("sync_size"),
	      attr_u64("sync_direction"));
	attr_write("sync_offset", "0");
	attr_writef("sync_size", "%llu", size);
	attr_write("sync_direction", "0");
}

/* A sync request that must fail and leave the owner as it was. */
static void expect_sync_rejected(const char *attr, const char *text)
{
	unsigned long long owner = attr_u64("sync_owner");
	int mark = kmsg_mark();
	int ret = attr_write(attr, text);

	CHECK(ret == -EINVAL, "%s <- '%s' returned %d, want -EINVAL", attr, text, ret);
	CHECK(attr_u64("sync_owner") == owner, "owner changed by '%s'", text);
	CHECK(kmsg_count(mark, ub_name) >= 1, "no dmesg line for '%s'", text);
}

TEST(sync_ranges_outside_the_buffer_are_rejected)
{
	char packed[32];

	attr_write("sync_for_device", "1");	/* owner 1: a failure must keep it */
	snprintf(packed, sizeof(packed), "0x%08llX%08X", size, 0x10 | 1);
	expect_sync_rejected("sync_for_cpu", packed);
	snprintf(packed, sizeof(packed), "0x%08llX%08llX", size - 0x10,
		 (0x20ULL & 0xFFFFFFF0) | 1);
	expect_sync_rejected("sync_for_cpu", packed);
	expect_sync_rejected("sync_for_cpu", "0x000000000000001d");	/* direction 3 */
	expect_sync_rejected("sync_for_cpu", "0x0000000000000013");	/* bit 1 set */
	expect_sync_rejected("sync_for_cpu", "0");
	expect_sync_rejected("sync_for_cpu", "2");
	expect_sync_rejected("sync_for_cpu", "garbage");
	/* stored area past the end: offset and size each fine, together not */
	attr_writef("sync_offset", "%llu", size - 16);
	attr_write("sync_size", "32");
	expect_sync_rejected("sync_for_cpu", "1");
	attr_write("sync_offset", "0");
	attr_writef("sync_size", "%llu", size);
	attr_write("sync_for_cpu", "1");
}

int main(int argc, char **argv)
{
	setup(argc, argv, "sysfs: ");
	RUN(read_only_attributes_have_the_original_formats);
	RUN(defaults_of_a_new_buffer);
	RUN(writes_accept_any_base_and_read_back_decimal);
	RUN(bad_values_are_rejected_and_change_nothing);
	RUN(read_only_attributes_refuse_writes);
	RUN(sync_files_hand_the_buffer_over);
	RUN(packed_one_off_ranges_leave_the_stored_area_alone);
	RUN(sync_ranges_outside_the_buffer_are_rejected);
	return done();
}
