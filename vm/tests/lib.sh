# shellcheck shell=sh
# TAP helpers for the in-guest shell tests (busybox sh or dash).
#   check "what it shows" command args...   ok when the command succeeds
#   kmsg_mark / kmsg_has TEXT               an error line logged since the mark

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

# Remember how long the kernel log is; kmsg_has looks only at what follows.
kmsg_mark() {
	_kmsg_lines=$(dmesg | wc -l)
}

kmsg_has() {
	dmesg | tail -n +$((_kmsg_lines + 1)) | grep -q -- "$1"
}

# Does the u-dma-buf module exist in the kernel? (module name u_dma_buf)
module_loaded() {
	grep -q '^u_dma_buf ' /proc/modules
}
