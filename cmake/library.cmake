# library.cmake: libstartklar.a and libstartklar.so (soname libstartklar.so.MAJOR),
# both from the objects of sk_objects, and where the library looks for the
# shipped rules and profiles (engine/paths.c).

# paths.c: the install-time directory, the way from bin/ and lib/ to it (a
# moved installation still finds its files), and the trees of this build
file(RELATIVE_PATH SK_BIN_TO_DATA ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_DATADIR}/startklar)
file(RELATIVE_PATH SK_LIB_TO_DATA ${CMAKE_INSTALL_FULL_LIBDIR} ${CMAKE_INSTALL_FULL_DATADIR}/startklar)
file(REAL_PATH ${CMAKE_BINARY_DIR} SK_BUILD_DIR_REAL)
set_property(SOURCE engine/paths.c DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY COMPILE_DEFINITIONS
  SK_INSTALL_DATADIR="${CMAKE_INSTALL_FULL_DATADIR}/startklar"
  SK_BIN_TO_DATA="${SK_BIN_TO_DATA}" SK_LIB_TO_DATA="${SK_LIB_TO_DATA}"
  SK_SOURCE_DIR="${CMAKE_SOURCE_DIR}" SK_BUILD_DIR="${SK_BUILD_DIR_REAL}")
# report_sarif.c: the page that describes startklar (SARIF's informationUri, an
# absolute URI): the README the Debian package installs (package.cmake, under
# /usr), unless a region publishes one: -DSK_HOMEPAGE_URL=https://...
set(SK_HOMEPAGE_URL "file:///usr/${CMAKE_INSTALL_DOCDIR}/README.md" CACHE STRING
  "the absolute URI of the page that describes startklar, for SARIF reports")
set_property(SOURCE engine/report_sarif.c DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY COMPILE_DEFINITIONS
  SK_HOMEPAGE_URL="${SK_HOMEPAGE_URL}")

# the static library: the CLI and the tests link it
add_library(startklar STATIC)
target_link_libraries(startklar PUBLIC sk_objects)

# the shared library, for embedders (pkg-config --libs startklar)
add_library(startklar_shared SHARED)
target_link_libraries(startklar_shared PUBLIC sk_objects)
set_target_properties(startklar_shared PROPERTIES
  OUTPUT_NAME startklar
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR})
if(SK_PROFILE)
  # the static liblua5.4.a is not position-independent: a profiling build
  # makes the CLI and the benchmark tools only
  set_target_properties(startklar_shared PROPERTIES EXCLUDE_FROM_ALL ON)
endif()
# it exports the functions of the public headers and nothing else: the
# version script lists every sk_NAME( the headers declare (read again when
# they change), so an engine-internal function never becomes ABI
file(GLOB SK_PUBLIC_HEADERS ${CMAKE_SOURCE_DIR}/include/startklar/*.h)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SK_PUBLIC_HEADERS})
set(SK_EXPORTS "")
foreach(header ${SK_PUBLIC_HEADERS})
  file(READ ${header} text)
  string(REGEX MATCHALL "sk_[a-z0-9_]+[ ]*\\(" calls "${text}")
  foreach(call ${calls})
    string(REGEX REPLACE "[ ]*\\($" "" name "${call}")
    list(APPEND SK_EXPORTS ${name})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES SK_EXPORTS)
list(SORT SK_EXPORTS)
list(JOIN SK_EXPORTS ";\n    " SK_EXPORTS)
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/libstartklar.map
     CONTENT "STARTKLAR_${PROJECT_VERSION_MAJOR} {\n  global:\n    ${SK_EXPORTS};\n  local: *;\n};\n")
target_link_options(startklar_shared PRIVATE -Wl,--version-script=${CMAKE_BINARY_DIR}/libstartklar.map)
set_property(TARGET startklar_shared APPEND PROPERTY LINK_DEPENDS ${CMAKE_BINARY_DIR}/libstartklar.map)
if(NOT SK_SANITIZE AND NOT SK_FUZZ)
  # every symbol it needs is in a library it names (the sanitizers' runtimes
  # are only linked into programs)
  target_link_options(startklar_shared PRIVATE -Wl,--no-undefined)
endif()
