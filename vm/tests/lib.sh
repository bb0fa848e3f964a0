# shellcheck shell=sh
# TAP helpers for the in-guest shell tests (busybox sh or dash).
#   check "what it shows" command args...   ok when the command succeeds
#   kmsg_mark / kmsg_has TEXT               an error line logged since the mark
#   kmsg_since                              the lines logged since the mark
#   board_has DEVICE                        the board has it (vm_devices, from
#                                           the board's BOARD_DEVICES)

check() {
	_desc=$1
	shift
	if "$@" >/tmp/check.out 2>&1; then
		echo "ok - $_desc"
	else
		echo "not ok - $_desc"
		sed 's/^/#   /' /tmp/check.out | head -n 20
	fi
}

# Remember the kernel log's last line; kmsg_has looks only at what follows.
# (Not a line count: once the ring buffer is full, old lines drop out as
# new ones come and the count stays put.) If the mark itself has dropped
# out, everything in the buffer is new.
kmsg_mark() {
	_kmsg_last=$(dmesg | tail -n 1)
}

# The kernel log's lines since kmsg_mark.
kmsg_since() {
	dmesg | awk -v mark="$_kmsg_last" '
		{ line[NR] = $0 }
		$0 == mark { start = NR }
		END { for (i = start + 1; i <= NR; i++) print line[i] }
	'
}

kmsg_has() {
	kmsg_since | grep -q -- "$1"
}

# Does the u-dma-buf module exist in the kernel? (module name u_dma_buf)
module_loaded() {
	grep -q '^u_dma_buf ' /proc/modules
}

# The devices the board declares (vm/arch/*.sh BOARD_DEVICES, passed on the
# kernel command line as vm_devices=a,b). A declared device that is missing
# fails its tests instead of skipping them.
board_has() {
	case ",${vm_devices:-}," in
	*",$1,"*) return 0 ;;
	*) return 1 ;;
	esac
}

# Host checks (kernel/tests, packaging/tests; REPO set): the kernel version
# of the installed amd64 headers (the x86_64 board's, once it was prepared),
# and the driver's version from dkms.conf.
host_kver() {
	cat "$REPO/build/vm/x86_64/kver" 2>/dev/null ||
		apt-cache depends linux-headers-amd64 | sed -n 's/^ *Depends: linux-headers-//p'
}
dkms_version() {
	sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$REPO/kernel/dkms.conf"
}
