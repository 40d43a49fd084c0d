# Cross toolchain for 32-bit Raspberry Pi OS (bookworm, armhf; ARMv7 with hard float) from Debian 12:
# gcc-arm-linux-gnueabihf, the ":armhf" -dev packages and qemu-user (see test-pi.sh).
#   cmake --preset pi-armhf && cmake --build --preset pi-armhf
# Debian's armhf is ARMv7: it runs on Pi 2 and later, not on Pi 1 / Zero (ARMv6).
set(FACTS_TRIPLET arm-linux-gnueabihf)
set(FACTS_PROCESSOR armv7l)
set(FACTS_QEMU qemu-arm)
set(FACTS_LOADER /lib/ld-linux-armhf.so.3)
include(${CMAKE_CURRENT_LIST_DIR}/debian-multiarch.cmake)
