# Shared part of the Debian multiarch cross toolchain files (aarch64-linux-gnu.cmake,
# arm-linux-gnueabihf.cmake): they set FACTS_TRIPLET, FACTS_PROCESSOR, FACTS_QEMU and FACTS_LOADER
# (the target's dynamic loader), then include this file. Target libraries come from Debian's
# ":<arch>" packages, which install into /usr/lib/<triplet> next to the host's; headers are
# shared in /usr/include.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${FACTS_PROCESSOR})
set(CMAKE_LIBRARY_ARCHITECTURE ${FACTS_TRIPLET})

set(CMAKE_C_COMPILER ${FACTS_TRIPLET}-gcc)
set(CMAKE_AR ${FACTS_TRIPLET}-ar CACHE FILEPATH "archiver")
set(CMAKE_RANLIB ${FACTS_TRIPLET}-ranlib CACHE FILEPATH "ranlib")
set(CMAKE_STRIP ${FACTS_TRIPLET}-strip CACHE FILEPATH "strip")

# Search the cross compiler's own tree first, then the multiarch system ("/"): with
# CMAKE_LIBRARY_ARCHITECTURE set, "/" yields /usr/lib/<triplet> and never /usr/lib/x86_64-linux-gnu.
# Programs (pkg-config, minisign, sh) are the build machine's.
set(CMAKE_FIND_ROOT_PATH /usr/${FACTS_TRIPLET} /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config answers for the target: only the target's .pc files (and the arch-independent ones).
set(PKG_CONFIG_EXECUTABLE pkg-config CACHE FILEPATH "pkg-config for the target")
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/${FACTS_TRIPLET}/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# CTest, and custom commands that run one of our executables (the pack builder in data/), run
# target binaries under Debian's qemu-user; CMake prepends this emulator to add_test() and to
# add_custom_command(COMMAND <executable target>) (checked: data/'s pack build).
# The target's dynamic loader and its libc.so.6 must come from the same glibc build. libc6:<arch>,
# which every ":<arch>" -dev package pulls in, installs both (/lib/ld-linux-*.so.*,
# /lib/<triplet>/libc.so.6), and qemu finds that loader without a prefix. Adding
# "-L /usr/<triplet>" there would mix the cross toolchain's loader (libc6-<arch>-cross, e.g.
# 2.36-8cross1) with libc6:<arch>'s libc.so.6 (e.g. 2.36-9+deb12u14), and then a fork()ed child
# spins forever (seen in test_minisign). Only without libc6:<arch> does -L point qemu at the
# cross toolchain's own libc.
if(EXISTS ${FACTS_LOADER})
  set(CMAKE_CROSSCOMPILING_EMULATOR ${FACTS_QEMU})
else()
  set(CMAKE_CROSSCOMPILING_EMULATOR ${FACTS_QEMU} -L /usr/${FACTS_TRIPLET})
endif()

# dpkg-shlibdeps (CPack's CPACK_DEBIAN_PACKAGE_SHLIBDEPS) reads the target's objdump.
set(CMAKE_OBJDUMP ${FACTS_TRIPLET}-objdump CACHE FILEPATH "objdump")
