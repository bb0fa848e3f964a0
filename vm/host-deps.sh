#!/bin/sh
# Install, from Debian's archive only, what the emulated boards and the driver
# build need on the host. Idempotent and quiet when everything is present, so
# every make target that needs the boards can call it first.
set -eu

PKGS="qemu-system-x86 qemu-system-arm linux-headers-amd64 kmod cpio
      device-tree-compiler busybox-static dkms dh-dkms debhelper dpkg-dev python3-numpy qemu-user-static
      gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf g++-aarch64-linux-gnu g++-arm-linux-gnueabihf
      libc6-dev-arm64-cross libc6-dev-armhf-cross"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done

# The ARM kernels, root filesystems and busybox are fetched with
# 'apt-get download PKG:arch', which needs the foreign architectures.
need_update=""
for a in arm64 armhf; do
	if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
		dpkg --add-architecture "$a"
		need_update=1
	fi
done

if [ -z "$missing" ] && [ -z "$need_update" ]; then
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "host-deps: missing Debian packages:$missing" >&2
	echo "host-deps: run 'sudo sh vm/host-deps.sh' once, then retry." >&2
	exit 1
fi
echo "host-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# A mirror caught mid-sync fails one index now and then: retry, then go on
# with what was fetched (the install below says clearly if a package is absent).
for try in 1 2 3; do
	apt-get update -q >/dev/null 2>&1 && break
	echo "host-deps: apt-get update failed (try $try), retrying" >&2
	sleep 5
done
# shellcheck disable=SC2086
[ -z "$missing" ] || apt-get install -y -q --no-install-recommends $missing >/dev/null
