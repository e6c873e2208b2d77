# install.cmake: what `cmake --install` (and so the Debian package) puts where.
#   bin/startklar, lib/libstartklar.{a,so*}, lib/pkgconfig/startklar.pc, include/startklar/
#   share/startklar/{plugins,rules}        the built-in rules and profiles (sk_dir_path)
#   share/startklar/authoring/             .luacheckrc and startklar.d.lua for a rule pack
#   share/doc/startklar/                   README, docs/, the example units and region pack
#   share/man/man1/startklar.1.gz, bash and zsh completion
install(TARGETS startklar-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS startklar ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS startklar_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/startklar DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY plugins/ DESTINATION ${CMAKE_INSTALL_DATADIR}/startklar/plugins)
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/startklar/rules)

# pkg-config: relocatable, the prefix is found from where startklar.pc is
file(RELATIVE_PATH SK_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" SK_PC_TO_PREFIX "${SK_PC_TO_PREFIX}")
set(SK_LIBS_PRIVATE "-lm -pthread")
if(CMAKE_DL_LIBS)
  string(APPEND SK_LIBS_PRIVATE " -l${CMAKE_DL_LIBS}")
endif()
configure_file(cmake/startklar.pc.in ${CMAKE_BINARY_DIR}/startklar.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/startklar.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# for rule authors: lint settings and the editor's annotations of the rule API
install(FILES .luacheckrc docs/editor/startklar.d.lua DESTINATION ${CMAKE_INSTALL_DATADIR}/startklar/authoring)

# documentation
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN man EXCLUDE)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# the manual page with this version, compressed as Debian wants it (gzip is
# essential on Debian)
configure_file(docs/man/startklar.1 ${CMAKE_BINARY_DIR}/startklar.1 @ONLY)
find_program(SK_GZIP gzip REQUIRED)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/startklar.1.gz
  COMMAND ${SK_GZIP} -9nc ${CMAKE_BINARY_DIR}/startklar.1 > ${CMAKE_BINARY_DIR}/startklar.1.gz
  DEPENDS ${CMAKE_BINARY_DIR}/startklar.1
  COMMENT "Compressing the manual page")
add_custom_target(manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/startklar.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/startklar.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# shell completion, written by the binary itself from its tables (`startklar completion SHELL`)
foreach(shell bash zsh)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/completion.${shell}
    COMMAND startklar-cli completion ${shell} > ${CMAKE_BINARY_DIR}/completion.${shell}
    DEPENDS startklar-cli
    COMMENT "Writing the ${shell} completion")
endforeach()
add_custom_target(completion ALL DEPENDS ${CMAKE_BINARY_DIR}/completion.bash ${CMAKE_BINARY_DIR}/completion.zsh)
install(FILES ${CMAKE_BINARY_DIR}/completion.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME startklar)
install(FILES ${CMAKE_BINARY_DIR}/completion.zsh DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
        RENAME _startklar)
