# The addon, compiled at `npm install` on platforms the package carries no
# prebuilt addon for (prebuilds/ covers linux-x64, linux-arm64, linux-armv7).
# `npm install` runs `node-gyp-build`, which uses a prebuild when one loads
# and runs `node-gyp rebuild` with this file otherwise.
# The repository's own build is native/compile (native/binding.gyp).
{
  "targets": [
    {
      "target_name": "udmabuf",
      "sources": [
        "native/csrc/checkbuf.c",
        "native/csrc/kernels.c",
        "native/csrc/engine/sort.c",
        "native/src/addon.cc",
        "native/src/errors.cc",
        "native/src/file.cc",
        "native/src/ioctl.cc",
        "native/src/kernels.cc",
        "native/src/mapping.cc",
        "native/src/sort.cc",
        "native/src/uio.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "kernel",
        "native/csrc"
      ],
      "cflags": ["-O3", "-Wall", "-Wextra"],
      "cflags_c": ["-std=c11"],
      "cflags_cc": ["-std=c++17"]
    }
  ]
}
