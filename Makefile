# u-dma-buf for TypeScript
#
#   make demo        boot the x86_64 board and show the driver at work
#   make test        every suite, host and boards; ends "N passed, N failed"
#
#   make module      build kernel/u-dma-buf.ko for this machine's kernel
#   make load [MODARGS='udmabuf0=1048576']   /   make unload
#   make install-udev
#   make deb         build/deb/u-dma-buf-dkms_<version>_all.deb (DKMS, Debian's dh-dkms)
#   make vm-run ARCH=<x86_64|arm64|armhf|zynqmp> [MODARGS=...] [DTS=file] [IOMMU=smmuv3] CMD='...'
#                    IOMMU=smmuv3 (arm64 only) gives the board QEMU's SMMUv3
#   make vm-test ARCH=<x86_64|arm64|armhf|zynqmp>
#   make bench ARCH=<x86_64|arm64|armhf>   the original's sync_mode tables on a board
#                    (1, 5, 10 MiB) -> bench/results/ARCH.md, .json, .svg
#   make pipeline ARCH=...   the image pipeline on the board's edu DMA engine
#   make bench-np    np vs numpy and check_buf TypeScript vs C, on this machine
ARCH ?= x86_64
MODARGS ?=
DTS ?=
IOMMU ?=
CMD ?= true
# vm/run reads these from its environment; CMD may hold any quoting.
export MODARGS DTS IOMMU CMD

KERNEL_SRC_DIR ?= /lib/modules/$(shell uname -r)/build

# make deb: u-dma-buf-dkms_<version>_all.deb (dh-dkms) in build/deb/
.PHONY: deb demo test deps module load unload install-udev vm-run vm-test bench pipeline clean

DEMO_CMD = sh examples/driver-demo.sh && \
	insmod build/vm/x86_64/u-dma-buf.ko udmabuf0=1048576 && \
	echo && echo '$$ node dist/examples/udmabuf_test.js   (udmabuf_test.py, ported)' && \
	node dist/examples/udmabuf_test.js && \
	echo && echo '$$ node dist/examples/image-pipeline.js   (edu DMA engine + np)' && \
	node dist/examples/image-pipeline.js --out build/demo/pipeline.png && \
	echo && echo '$$ u-dma-buf bench   (the original README Tables 1 and 2)' && \
	node dist/lib/cli/main.js bench --out build/demo

demo: build
	@ARCH=x86_64 MODARGS=udmabuf0=1048576 CMD="$(DEMO_CMD)" vm/run

test:
	@test/run

deps:
	@sh vm/host-deps.sh

module:
	$(MAKE) -C kernel KERNEL_SRC_DIR=$(KERNEL_SRC_DIR) ARCH= CROSS_COMPILE=

load: module
	insmod kernel/u-dma-buf.ko $(MODARGS)

unload:
	rmmod u-dma-buf

deb: deps
	@sh packaging/deb.sh

install-udev:
	install -m 0644 kernel/99-u-dma-buf.rules /etc/udev/rules.d/99-u-dma-buf.rules
	udevadm control --reload-rules

vm-run:
	@ARCH=$(ARCH) vm/run

vm-test:
	@vm/test $(ARCH)

# The board gets no udmabufN: the bench makes its own buffer per size.
bench: build
	@ARCH=$(ARCH) MODARGS= VM_TIMEOUT=3600 CMD='node dist/lib/cli/main.js bench --emulated --repeat 3 --out bench/results' vm/run

pipeline: build
	@ARCH=$(ARCH) MODARGS=udmabuf0=1048576 CMD='node dist/examples/image-pipeline.js --out build/examples/pipeline-$(ARCH).png' vm/run

clean:
	rm -rf build prebuilds dist
	$(MAKE) -C kernel KERNEL_SRC_DIR=$(KERNEL_SRC_DIR) ARCH= CROSS_COMPILE= clean 2>/dev/null || true

# ---- the TypeScript layer and its addon ---------------------------------
# --ignore-scripts: the package's own install script (node-gyp-build) is
# for its users; here native/compile builds the addon.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# The cross compilers come from vm/host-deps.sh (Debian packages), so build
# installs them first: `make demo` works on a fresh machine.
# The addons also go to prebuilds/ in prebuildify's layout and names (N-API,
# armv7 and glibc tags), which node-gyp-build loads from the npm package;
# stripped of their symbols there (build/ keeps them, for perf).
build: deps node_modules/.package-lock.json
	npm run -s build:ts
	@# the three addons at once (two cores halve the build); each says its own errors
	@pids=; for a in x86_64 arm64 armhf; do native/compile $$a & pids="$$pids $$!"; done; \
		st=0; for p in $$pids; do wait $$p || st=1; done; exit $$st
	@mkdir -p prebuilds/linux-x64 prebuilds/linux-arm64 prebuilds/linux-arm
	@strip --strip-unneeded -o prebuilds/linux-x64/node.napi.glibc.node build/native/x64/udmabuf.node
	@aarch64-linux-gnu-strip --strip-unneeded -o prebuilds/linux-arm64/node.napi.glibc.node build/native/arm64/udmabuf.node
	@arm-linux-gnueabihf-strip --strip-unneeded -o prebuilds/linux-arm/node.napi.armv7.glibc.node build/native/arm/udmabuf.node

.PHONY: build

# ---- benches (speed is reported here, never asserted in tests) -------------
bench-np: build
	node dist/bench/np-vs-numpy.js
	node dist/bench/check-buf.js

.PHONY: bench-np
