# package.cmake: `cpack -G DEB` in the build directory writes
# startklar_VERSION_ARCH.deb from what install.cmake installs, under /usr.
# Its Depends are found by dpkg-shlibdeps (dpkg-dev, which build-essential
# brings) from the libraries the binary and libstartklar.so link against:
# libc6, liblua5.4-0, libyaml-0-2, libsqlite3-0, libjansson4 on Debian.
set(CPACK_PACKAGE_NAME startklar)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "startklar")
set(CPACK_PACKAGE_CONTACT "startklar maintainers <startklar@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "checks that a care unit's launch paperwork holds up")
set(CPACK_PACKAGE_DESCRIPTION
  "startklar reads a care unit's communication plan, onboarding checklist and\nsocial-media strategy (YAML), runs rule plugins written in Lua 5.4 and reports\nevery gap with file:line. The package holds the command, libstartklar (shared\nand static, with headers and pkg-config), the built-in rules and profiles,\nthe manual page and bash and zsh completion.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES OFF) # the debug information stays: a crash report names its lines
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pkg-config, liblua5.4-dev, libyaml-dev, libsqlite3-dev, libjansson-dev") # to build against libstartklar
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON) # a shlibs file for programs linking libstartklar.so.0
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
