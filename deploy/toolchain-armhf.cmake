# Cross-build for 32-bit ARM boards (Debian armhf, ARMv7 with VFP) with
# Debian's cross compiler and multiarch -dev packages: deploy/cross-test.sh
# armhf installs them. Tests run through qemu-user.
#   cmake -S . -B build-armhf -DCMAKE_TOOLCHAIN_FILE=deploy/toolchain-armhf.cmake
set(LINLI_TRIPLET arm-linux-gnueabihf)
set(LINLI_DEB_ARCH armhf)
set(LINLI_QEMU qemu-arm-static)
set(CMAKE_SYSTEM_PROCESSOR armv7l)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-debian.cmake)
