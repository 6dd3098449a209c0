# Debian packages with CPack (`cpack -G DEB` in the build folder; scripts/package-deb does
# it and checks them): "upstander" (component game) and "upstander-teacher" (component
# teacher), which depends on the first for the content, fonts and web game it serves.
# Built from a build configured with -DCMAKE_INSTALL_PREFIX=/usr, so the service and its
# settings go to /lib/systemd/system and /etc/upstander (cmake/UpstanderInstall.cmake).
set(pkg "${CMAKE_SOURCE_DIR}/packaging")

# Debian wants the changelog gzipped with no timestamp in every package's doc folder.
set(changelog_gz "${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz")
file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/packaging")
execute_process(COMMAND gzip -9nc "${pkg}/debian/changelog" OUTPUT_FILE "${changelog_gz}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${pkg}/debian/changelog")
foreach(p upstander upstander-teacher)
  if(p STREQUAL "upstander")
    set(component game)
  else()
    set(component teacher)
  endif()
  install(FILES "${changelog_gz}" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${p} COMPONENT ${component})
endforeach()

# Lintian's overrides, each with the reason it is kept (the teacher package needs none).
install(FILES ${pkg}/debian/upstander/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
  RENAME upstander COMPONENT game)

set(CPACK_PACKAGE_NAME "upstander")
set(CPACK_PACKAGE_VENDOR "The Upstander authors")
set(CPACK_PACKAGE_CONTACT "The Upstander authors <upstander@example.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it before each package's own synopsis.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# The service's unit and settings have absolute destinations: install them under DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL game teacher)
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# dpkg-shlibdeps (dpkg-dev) turns the linked libraries into Depends.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

set(CPACK_DEBIAN_GAME_PACKAGE_NAME "upstander")
set(CPACK_DEBIAN_GAME_PACKAGE_ARCHITECTURE "amd64")
set(CPACK_DEBIAN_GAME_PACKAGE_RECOMMENDS "fonts-noto-color-emoji")
# The first line is the synopsis; CPack indents the rest.
set(CPACK_DEBIAN_GAME_DESCRIPTION "classroom game about sharing images and deepfakes
Upstander is a story told on a phone for students aged 12 to 18:
someone's picture starts going around, and the player chooses what to do
and sees what it does to people. It plays alone or joins a class run by
the teacher's program, in Korean or English. This package holds the
game, its content (CC BY 4.0), its fonts and the web version of the game
that the classroom server offers to browsers.")

set(CPACK_DEBIAN_TEACHER_PACKAGE_NAME "upstander-teacher")
set(CPACK_DEBIAN_TEACHER_PACKAGE_DEPENDS "upstander (= ${PROJECT_VERSION}-1), adduser")
set(CPACK_DEBIAN_TEACHER_DESCRIPTION "Upstander classroom server, teacher dashboard and authoring tool
upstander-teacher runs Upstander with a class: the dashboard sets up a
session, shows the join code, follows the class live with small groups
hidden, and leads the debrief. upstander-teacher serve is the classroom
server alone, also as the systemd service upstander-serve (not enabled
on install; settings in /etc/upstander/serve.conf, data in
/var/lib/upstander). upstander-content checks, formats, imports and
translates scenario files.")
set(CPACK_DEBIAN_TEACHER_PACKAGE_CONTROL_EXTRA
  "${pkg}/debian/upstander-teacher/postinst;${pkg}/debian/upstander-teacher/prerm;${pkg}/debian/upstander-teacher/postrm;${pkg}/debian/upstander-teacher/conffiles")
set(CPACK_DEBIAN_TEACHER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
