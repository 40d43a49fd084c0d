# Cross toolchain for 32-bit Raspberry Pi OS (bookworm, armhf; ARMv7 with hard float) from Debian 12,
# with the target's libraries in a SYSROOT instead of multiarch ":armhf" packages: for machines whose
# mirror cannot co-install armhf packages next to the amd64 ones (test-pi.sh falls back to this).
#   ./toolchain/make-sysroot.sh armhf build/sysroot-armhf        # debootstrap, once (cached)
#   cmake --preset pi-armhf-sysroot && cmake --build --preset pi-armhf-sysroot && ctest --preset pi-armhf-sysroot
# Compiler: Debian's gcc-arm-linux-gnueabihf. FACTS_SYSROOT (environment) overrides the sysroot's place.
# Debian's armhf is ARMv7: it runs on Pi 2 and later, not on Pi 1 / Zero (ARMv6).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR armv7l)
set(CMAKE_LIBRARY_ARCHITECTURE arm-linux-gnueabihf)

if(DEFINED ENV{FACTS_SYSROOT} AND NOT "$ENV{FACTS_SYSROOT}" STREQUAL "")
  get_filename_component(FACTS_SYSROOT "$ENV{FACTS_SYSROOT}" ABSOLUTE)
else()
  get_filename_component(FACTS_SYSROOT "${CMAKE_CURRENT_LIST_DIR}/../build/sysroot-armhf" ABSOLUTE)
endif()
if(NOT EXISTS "${FACTS_SYSROOT}/usr/lib/arm-linux-gnueabihf/pkgconfig/sdl2.pc")
  message(FATAL_ERROR "no armhf sysroot at ${FACTS_SYSROOT}: run ./toolchain/make-sysroot.sh armhf ${FACTS_SYSROOT}")
endif()

set(CMAKE_SYSROOT "${FACTS_SYSROOT}")
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_AR arm-linux-gnueabihf-ar CACHE FILEPATH "archiver")
set(CMAKE_RANLIB arm-linux-gnueabihf-ranlib CACHE FILEPATH "ranlib")
set(CMAKE_STRIP arm-linux-gnueabihf-strip CACHE FILEPATH "strip")
set(CMAKE_OBJDUMP arm-linux-gnueabihf-objdump CACHE FILEPATH "objdump")

# Libraries, headers and CMake packages only from the sysroot; programs (pkg-config, minisign, sh)
# are the build machine's.
set(CMAKE_FIND_ROOT_PATH "${FACTS_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config answers from the sysroot's .pc files, with their paths prefixed by the sysroot.
set(PKG_CONFIG_EXECUTABLE pkg-config CACHE FILEPATH "pkg-config for the target")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${FACTS_SYSROOT}")
set(ENV{PKG_CONFIG_LIBDIR} "${FACTS_SYSROOT}/usr/lib/arm-linux-gnueabihf/pkgconfig:${FACTS_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# CTest and custom commands run target binaries under qemu-arm with the sysroot's own loader and
# libc (both from the same libc6 package, so -L is right here; compare debian-multiarch.cmake).
# Scripts that start the ARM binary themselves go through binfmt_misc and need QEMU_LD_PREFIX set to
# the sysroot in their environment (test-pi.sh does that).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L "${FACTS_SYSROOT}")
