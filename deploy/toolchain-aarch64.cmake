# Cross-build for 64-bit ARM boards (Debian arm64) with Debian's cross
# compiler and multiarch -dev packages: deploy/cross-test.sh aarch64 installs
# them. Tests run through qemu-user (CMAKE_CROSSCOMPILING_EMULATOR), so no
# binfmt_misc is needed.
#   cmake -S . -B build-aarch64 \
#         -DCMAKE_TOOLCHAIN_FILE=deploy/toolchain-aarch64.cmake
set(LINLI_TRIPLET aarch64-linux-gnu)
set(LINLI_DEB_ARCH arm64)
set(LINLI_QEMU qemu-aarch64-static)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-debian.cmake)
