{
  "targets": [
    {
      "target_name": "udmabuf",
      "sources": [
        "src/addon.cc",
        "src/errors.cc",
        "src/file.cc",
        "src/ioctl.cc",
        "src/mapping.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "../kernel"
      ],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "cflags_cc": ["-O2", "-Wall", "-Wextra", "-std=c++17"]
    }
  ]
}
