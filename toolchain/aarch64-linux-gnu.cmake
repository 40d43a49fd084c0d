# Cross toolchain for 64-bit Raspberry Pi OS (bookworm, arm64; Pi 3, 4, 5, Zero 2 W) from Debian 12:
# gcc-aarch64-linux-gnu, the ":arm64" -dev packages and qemu-user (see test-pi.sh).
#   cmake --preset pi-arm64 && cmake --build --preset pi-arm64 && ctest --preset pi-arm64
set(FACTS_TRIPLET aarch64-linux-gnu)
set(FACTS_PROCESSOR aarch64)
set(FACTS_QEMU qemu-aarch64)
set(FACTS_LOADER /lib/ld-linux-aarch64.so.1)
include(${CMAKE_CURRENT_LIST_DIR}/debian-multiarch.cmake)
