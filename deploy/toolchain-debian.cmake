# Shared part of deploy/toolchain-{aarch64,armhf}.cmake, which set
# LINLI_TRIPLET (GNU triplet), LINLI_DEB_ARCH (Debian architecture) and
# LINLI_QEMU (qemu-user binary) first. Libraries come from Debian's multiarch
# folders (/usr/lib/TRIPLET), headers from /usr/include, so the sysroot is
# the host's own root.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER ${LINLI_TRIPLET}-gcc)
set(CMAKE_STRIP ${LINLI_TRIPLET}-strip CACHE FILEPATH "")

# pkg-config must see the target's .pc files only, never the host's.
set(ENV{PKG_CONFIG_LIBDIR}
    /usr/lib/${LINLI_TRIPLET}/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# Programs (cmake, pkg-config) from the host; libraries and headers from the
# target's multiarch folders.
set(CMAKE_LIBRARY_ARCHITECTURE ${LINLI_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# ctest runs each test binary through qemu-user. The target's loader and
# libc are the multiarch libc6:ARCH that the -dev packages pull in
# (/lib/ld-linux-*.so), so no QEMU_LD_PREFIX: with -L /usr/TRIPLET qemu
# looks every path up under the prefix first, and a forked child of
# test_outbox spun forever.
find_program(LINLI_QEMU_PATH ${LINLI_QEMU})
if(LINLI_QEMU_PATH)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${LINLI_QEMU_PATH})
endif()

# The .deb's architecture (deploy/packaging.cmake).
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${LINLI_DEB_ARCH})
