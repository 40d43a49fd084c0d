# Install layout and the Debian package (CPack DEB) of FACTS Kiosk; included at the end of the
# top-level CMakeLists.txt. Packages are built from a tree configured with
# CMAKE_INSTALL_PREFIX=/usr (presets deb-amd64, pi-arm64, pi-armhf):
#   cmake --preset pi-arm64 && cmake --build --preset pi-arm64 && cpack --preset pi-arm64
# What goes where (prefix /usr):
#   /usr/bin/facts-kiosk                          the program (src/CMakeLists.txt)
#   /usr/share/facts-kiosk/facts-content.db       bundled content pack (data/CMakeLists.txt)
#   /usr/share/facts-kiosk/assets/fonts/*         fonts
#   /etc/facts-kiosk/kiosk.conf                   config (conffile)
#   /etc/facts-kiosk/keys.d/                      trusted minisign keys (empty but for a README)
#   /usr/lib/systemd/system/facts-kiosk.service   the kiosk, plus facts-kiosk-stick@.service
#   /usr/lib/udev/rules.d/90-facts-kiosk-stick.rules, /usr/libexec/facts-kiosk/stick-mount
#   /usr/lib/sysusers.d/facts-kiosk.conf, /usr/lib/tmpfiles.d/facts-kiosk.conf
set(FACTS_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(FACTS_SHARE_DIR ${CMAKE_INSTALL_DATADIR}/facts-kiosk)
set(FACTS_CONFIG_DIR ${CMAKE_INSTALL_FULL_SYSCONFDIR}/facts-kiosk)  # /etc/facts-kiosk for /usr
set(FACTS_SYSTEMD_LIB_DIR lib)  # systemd and udev read <prefix>/lib, never lib/<triplet>

# facts_install_paths: where the installed program finds its files. Link it (PRIVATE) and use
# FACTS_DATA_DIR "/assets/fonts/Inter-Regular.otf", FACTS_DATA_DIR "/facts-content.db",
# FACTS_CONFIG_FILE, and FACTS_INSTALL_BINDIR to tell an installed binary from a build-tree one.
add_library(facts_install_paths INTERFACE)
target_compile_definitions(facts_install_paths INTERFACE
  FACTS_DATA_DIR="${CMAKE_INSTALL_FULL_DATADIR}/facts-kiosk"
  FACTS_CONFIG_FILE="${FACTS_CONFIG_DIR}/kiosk.conf"
  FACTS_INSTALL_BINDIR="${CMAKE_INSTALL_FULL_BINDIR}")

# --- files -------------------------------------------------------------------------------------
set(FACTS_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(FACTS_LIBEXECDIR ${CMAKE_INSTALL_FULL_LIBEXECDIR}/facts-kiosk)
configure_file(${FACTS_PACKAGING_DIR}/facts-kiosk.service.in
  ${PROJECT_BINARY_DIR}/packaging/facts-kiosk.service @ONLY)
configure_file(${FACTS_PACKAGING_DIR}/facts-kiosk-stick@.service.in
  ${PROJECT_BINARY_DIR}/packaging/facts-kiosk-stick@.service @ONLY)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/fonts DESTINATION ${FACTS_SHARE_DIR}/assets)
install(FILES ${FACTS_PACKAGING_DIR}/kiosk.conf DESTINATION ${FACTS_CONFIG_DIR})
install(FILES ${FACTS_PACKAGING_DIR}/keys.d-README DESTINATION ${FACTS_CONFIG_DIR}/keys.d
  RENAME README)
install(FILES
  ${PROJECT_BINARY_DIR}/packaging/facts-kiosk.service
  ${PROJECT_BINARY_DIR}/packaging/facts-kiosk-stick@.service
  DESTINATION ${FACTS_SYSTEMD_LIB_DIR}/systemd/system)
install(FILES ${FACTS_PACKAGING_DIR}/facts-kiosk.sysusers
  DESTINATION ${FACTS_SYSTEMD_LIB_DIR}/sysusers.d RENAME facts-kiosk.conf)
install(FILES ${FACTS_PACKAGING_DIR}/facts-kiosk.tmpfiles
  DESTINATION ${FACTS_SYSTEMD_LIB_DIR}/tmpfiles.d RENAME facts-kiosk.conf)
install(FILES ${FACTS_PACKAGING_DIR}/90-facts-kiosk-stick.rules
  DESTINATION ${FACTS_SYSTEMD_LIB_DIR}/udev/rules.d)
install(PROGRAMS ${FACTS_PACKAGING_DIR}/stick-mount.sh
  DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/facts-kiosk RENAME stick-mount)

# --- Debian package ----------------------------------------------------------------------------
# Debian architecture of the target: the cross toolchain files set CMAKE_LIBRARY_ARCHITECTURE;
# CPack's default (dpkg --print-architecture) would name the build machine's.
set(FACTS_DEB_ARCH_aarch64-linux-gnu arm64)
set(FACTS_DEB_ARCH_arm-linux-gnueabihf armhf)
set(FACTS_DEB_ARCH_x86_64-linux-gnu amd64)
if(DEFINED FACTS_DEB_ARCH_${CMAKE_LIBRARY_ARCHITECTURE})
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${FACTS_DEB_ARCH_${CMAKE_LIBRARY_ARCHITECTURE}})
endif()

set(FACTS_PACKAGE_MAINTAINER "FACTS Kiosk maintainers <kiosk@facts.invalid>"
  CACHE STRING "Maintainer field of the .deb (name <email>)")
configure_file(${FACTS_PACKAGING_DIR}/conffiles.in ${PROJECT_BINARY_DIR}/packaging/conffiles @ONLY)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME facts-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "touch-screen kiosk presenting FACTS, the Fashion Apparel Cluster Serbia")
# The summary is the Description's first line; CPack indents this text below it.
set(CPACK_PACKAGE_DESCRIPTION
  "Full-screen SDL2 kiosk for trade-fair booths and lobbies (KMS/DRM, no desktop needed):
an attract loop and touch navigation in English, Serbian Latin and Serbian Cyrillic,
with signed content updates from a USB stick. Starts at boot as a systemd service.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${FACTS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # facts-kiosk_<version>-1_<arch>.deb
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# Library dependencies (SDL2, SDL2_ttf, SQLite, libsodium, libqrencode, inih) from
# dpkg-shlibdeps, so `apt install ./facts-kiosk_*.deb` pulls them in; for a
# cross build it reads the ":<arch>" packages' symbols files. The maintainer scripts need systemd
# and util-linux (setterm, blkid, mount, findmnt). Read aloud reads espeak-ng's voices
# (espeak-ng-data) at run time: named here rather than trusted to come with libespeak-ng1.
# libcurl reads the system's CA certificates at run time (invisible to dpkg-shlibdeps, and only a
# Recommends of libcurl4): ca-certificates, for an https update URL. libcurl itself is loaded on
# first use (src/update/curl_lazy.c: dlopen, invisible to dpkg-shlibdeps), so libcurl4 is named
# here; the kiosk needs 7.85 (CURLOPT_PROTOCOLS_STR; bookworm has 7.88). libespeak-ng is loaded
# the same way (src/platform/speech.c), when read aloud starts on a kiosk with an audio device:
# libespeak-ng1 is named here too, and so is libsdl2-image-2.0-0, loaded with the first pack image
# (src/render/image_lazy.c).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SDL2 loads EGL and OpenGL ES at run time (dlopen: invisible to dpkg-shlibdeps) and the GPU
# drivers (Pi: v3d, vc4) come with Mesa's libgl1-mesa-dri; the service asks for opengles2.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libegl1, libgles2, libgl1-mesa-dri, espeak-ng-data, systemd, udev, util-linux, mount, ca-certificates, libcurl4 (>= 7.85.0), libespeak-ng1, libsdl2-image-2.0-0")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${FACTS_PACKAGING_DIR}/postinst ${FACTS_PACKAGING_DIR}/prerm ${FACTS_PACKAGING_DIR}/postrm
  ${PROJECT_BINARY_DIR}/packaging/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
