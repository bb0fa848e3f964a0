# The addon, compiled at `npm install` on platforms the package carries no
# prebuilt addon for (prebuilds/ covers linux-x64, linux-arm64, linux-armv7).
# `npm install` runs `node-gyp-build`, which uses a prebuild when one loads
# and runs `node-gyp rebuild` with this file otherwise.
# Every native/csrc/engine/*.c is compiled (the list is read at build time).
# The repository's own build is native/compile (native/binding.gyp).
{
  "targets": [
    {
      "target_name": "udmabuf",
      "sources": [
        "native/csrc/checkbuf.c",
        "<!@(node -p \"require('fs').readdirSync('native/csrc/engine').filter((f) => f.endsWith('.c')).map((f) => 'native/csrc/engine/' + f).join(' ')\")",
        "native/src/addon.cc",
        "native/src/checkbuf.cc",
        "native/src/errors.cc",
        "native/src/file.cc",
        "native/src/ioctl.cc",
        "native/src/engine.cc",
        "native/src/reduce.cc",
        "native/src/mapping.cc",
        "native/src/sort.cc",
        "native/src/linalg.cc",
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
