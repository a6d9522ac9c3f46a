# deploy/packaging.cmake - install rules and the Debian package (CPack DEB),
# included by the top CMakeLists.txt. deploy/package.sh builds the .deb
# (natively or with deploy/toolchain-*.cmake for arm64/armhf):
#   /usr/bin/linli-kiosk, /usr/bin/linli-hub (if the hub is built)
#   /usr/share/linli/assets       (build with -DLINLI_ASSETS_DIR= that path)
#   /etc/linli/kiosk.conf         (conffile), /etc/default/linli-hub
#   /usr/lib/systemd/system/linli-kiosk{,-cage}.service, linli-hub.service
#   /usr/share/doc/linli/         (install guide)
# postinst makes the linli (and linli-hub) system users and /var/lib/linli*.
set(LINLI_PKG_ASSETS /usr/share/linli/assets)
set(LINLI_DEPLOY ${CMAKE_CURRENT_LIST_DIR})

install(TARGETS linli-kiosk RUNTIME DESTINATION bin)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION share/linli/assets
        PATTERN "*.py" EXCLUDE)
install(FILES ${LINLI_DEPLOY}/kiosk.conf DESTINATION /etc/linli)
install(FILES ${LINLI_DEPLOY}/systemd/linli-kiosk.service
              ${LINLI_DEPLOY}/systemd/linli-kiosk-cage.service
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/docs/install.md ${CMAKE_SOURCE_DIR}/README.md
        DESTINATION share/doc/linli)
set(LINLI_CONFFILES /etc/linli/kiosk.conf)

# Libraries the kiosk loads at run time that dpkg-shlibdeps cannot see (SDL
# opens EGL and GLES with dlopen for KMSDRM), its fonts (fonts/README.md),
# and what postinst and the units use. Linked libraries come from
# dpkg-shlibdeps; those of the parts other branches add are named too, so
# the package is whole even where shlibdeps is off.
set(LINLI_DEB_DEPENDS
    "fonts-noto-cjk" "fonts-material-design-icons-iconfont" "libegl1"
    "libgles2" "libcurl4" "libespeak-ng1" "adduser" "systemd")
if(TARGET linli-hub)
    install(TARGETS linli-hub RUNTIME DESTINATION bin)
    install(FILES ${LINLI_DEPLOY}/systemd/linli-hub.service
            DESTINATION lib/systemd/system)
    install(FILES ${LINLI_DEPLOY}/systemd/linli-hub.default
            DESTINATION /etc/default RENAME linli-hub)
    list(APPEND LINLI_CONFFILES /etc/default/linli-hub)
    list(APPEND LINLI_DEB_DEPENDS "libmicrohttpd12")
endif()

if(NOT LINLI_ASSETS_DIR STREQUAL LINLI_PKG_ASSETS)
    message(STATUS "packaging: linli-kiosk looks for assets in "
            "${LINLI_ASSETS_DIR}; a package needs "
            "-DLINLI_ASSETS_DIR=${LINLI_PKG_ASSETS} (deploy/package.sh)")
endif()

list(JOIN LINLI_CONFFILES "\n" conffiles)
file(WRITE ${CMAKE_BINARY_DIR}/debian/conffiles "${conffiles}\n")
foreach(script postinst prerm postrm)
    file(COPY ${LINLI_DEPLOY}/debian/${script}
         DESTINATION ${CMAKE_BINARY_DIR}/debian
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                          GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME linli)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "Linli maintainers <linli@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "self-service touch kiosk for community service centers")
set(CPACK_PACKAGE_DESCRIPTION
    "Linli (邻里) runs the touch terminal of a Shanghai community service
center: nearby services with walking minutes and opening hours, volunteer
service booking, 好差评 ratings and notices, in Chinese and English, with a
large-text elder mode. Works offline from its cache and syncs with a hub.
Includes the linli-kiosk service (KMSDRM or cage) and, where built, the
linli-hub reference backend.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
list(JOIN LINLI_DEB_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri, libegl-mesa0")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage, wlr-randr")
# The toolchain file sets the architecture of a cross build.
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
    execute_process(COMMAND dpkg --print-architecture
                    OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_BINARY_DIR}/debian/conffiles ${CMAKE_BINARY_DIR}/debian/postinst
    ${CMAKE_BINARY_DIR}/debian/prerm ${CMAKE_BINARY_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Strip the binaries in the package (the build keeps its debug info).
set(CPACK_STRIP_FILES ON)
include(CPack)
