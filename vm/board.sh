# shellcheck shell=bash
# Shared by vm/prepare and vm/run: where a board's files live and how its
# Debian pieces are found. Source after setting ARCH; needs REPO.

case "${ARCH:-}" in
x86_64 | arm64 | armhf | zynqmp) ;;
*)
	echo "vm: ARCH must be x86_64, arm64, armhf or zynqmp (got '${ARCH:-}')" >&2
	exit 2
	;;
esac
# The base hooks, then the board's own (vm/arch/base.sh says which exist).
# shellcheck source=vm/arch/base.sh
. "$REPO/vm/arch/base.sh"
# shellcheck source=vm/arch/x86_64.sh
. "$REPO/vm/arch/$ARCH.sh"

# IOMMU names one of the board's IOMMU models (its hooks list them in IOMMUS).
if [ -n "${IOMMU:-}" ] && ! [[ " $IOMMUS " == *" $IOMMU "* ]]; then
	if [ -n "$IOMMUS" ]; then
		echo "vm[$ARCH]: error: IOMMU=$IOMMU is not available on $ARCH; it takes IOMMU=$IOMMUS" >&2
	else
		echo "vm[$ARCH]: error: IOMMU=$IOMMU: $ARCH has no IOMMU model (arm64 takes IOMMU=smmuv3)" >&2
	fi
	exit 2
fi

BUILD="$REPO/build/vm/$ARCH"
DEBS="$REPO/build/vm/debs"	# shared by the boards: arch-all packages once
# The unpacked kernel and the Debian root filesystem (FILES_FROM's when shared).
KDIR="$REPO/build/vm/$FILES_FROM/kernel"
ROOTFS_DIR="$REPO/build/vm/$FILES_FROM/rootfs"
mkdir -p "$BUILD" "$DEBS"

log() { echo "vm[$ARCH]: $*" >&2; }
die() {
	echo "vm[$ARCH]: error: $*" >&2
	exit 1
}

# The kernel version the flavour's meta package points at, e.g. 6.1.0-50-arm64.
kernel_version() {
	if [ ! -s "$BUILD/kver" ]; then
		apt-cache depends "linux-headers-$KERNEL_FLAVOUR:$DEB_ARCH" 2>/dev/null |
			sed -n 's/^ *Depends: linux-headers-\([^:]*\).*/\1/p' | sed -n 1p >"$BUILD/kver.tmp"
		[ -s "$BUILD/kver.tmp" ] ||
			die "apt knows no linux-headers-$KERNEL_FLAVOUR:$DEB_ARCH; run 'sh vm/host-deps.sh' (it adds the architecture and updates apt)"
		mv "$BUILD/kver.tmp" "$BUILD/kver"
	fi
	cat "$BUILD/kver"
}

# Download Debian packages (name or name:arch) into $DEBS, once each.
deb_fetch() {
	local want=() p f
	for p in "$@"; do
		f=$(deb_file "$p")
		[ -n "$f" ] || want+=("$p")
	done
	[ ${#want[@]} -eq 0 ] && return 0
	log "downloading ${#want[@]} Debian package(s)"
	(cd "$DEBS" && apt-get download -q -o APT::Sandbox::User=root "${want[@]}" >/dev/null) ||
		die "apt-get download failed for: ${want[*]}"
}

# The .deb already downloaded for a package name (name or name:arch).
deb_file() {
	local name=${1%%:*} arch=${1#*:}
	[ "$arch" = "$1" ] && arch="*"
	local f
	for f in "$DEBS"/"${name}"_*_${arch}.deb "$DEBS"/"${name}"_*_all.deb; do
		[ -e "$f" ] && echo "$f" && return 0
	done
	return 0
}

deb_extract() {
	local dest=$1 p
	shift
	for p in "$@"; do
		dpkg-deb -x "$(deb_file "$p")" "$dest" || die "cannot unpack $p"
	done
}
