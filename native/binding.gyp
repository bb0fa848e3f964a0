{
  "targets": [
    {
      "target_name": "udmabuf",
      "sources": [
        "csrc/checkbuf.c",
        "<!@(node -p \"require('fs').readdirSync('csrc/engine').filter((f) => f.endsWith('.c')).map((f) => 'csrc/engine/' + f).join(' ')\")",
        "src/addon.cc",
        "src/checkbuf.cc",
        "src/errors.cc",
        "src/file.cc",
        "src/ioctl.cc",
        "src/engine.cc",
        "src/reduce.cc",
        "src/mapping.cc",
        "src/sort.cc",
        "src/linalg.cc",
        "src/uio.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "../kernel",
        "csrc"
      ],
      "cflags": ["-O3", "-Wall", "-Wextra"],
      "cflags_c": ["-std=c11"],
      "cflags_cc": ["-std=c++17"]
    }
  ]
}
