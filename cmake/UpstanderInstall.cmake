# Install layout (cmake --install, and the Debian packages made from it):
#   bin/upstander, bin/upstander-teacher, bin/upstander-content
#   share/upstander/{content,assets,web}   found by the programs relative to bin/
#   share/applications, share/icons/hicolor, share/man/man1, share/doc/<package>
#   /lib/systemd/system/upstander-serve.service and /etc/upstander/serve.conf (packages;
#   under the prefix for any other install, so a test install needs no root)
# Two components, one per package: "game" (the student game, its content, fonts and web
# bundle) and "teacher" (the teacher program with the server, and upstander-content).
set(pkg "${CMAKE_SOURCE_DIR}/packaging")
set(datadir "${CMAKE_INSTALL_DATADIR}/upstander")

# Man pages gzipped without a timestamp, as Debian installs them (at configure time; they
# are small and change rarely; re-run cmake after editing one).
set(man_out "${CMAKE_BINARY_DIR}/packaging/man")
file(MAKE_DIRECTORY "${man_out}")
foreach(page upstander upstander-teacher upstander-content)
  execute_process(COMMAND gzip -9nc "${pkg}/man/${page}.1" OUTPUT_FILE "${man_out}/${page}.1.gz")
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  "${pkg}/man/upstander.1" "${pkg}/man/upstander-teacher.1" "${pkg}/man/upstander-content.1")

# --- game
if(TARGET upstander)
  install(TARGETS upstander RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT game)
  install(FILES ${pkg}/linux/upstander.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT game)
endif()
# Content and fonts go with the game: the teacher package depends on it (the server serves
# the same content and the web game, and "play from here" starts the game).
# content/LICENSE (CC BY 4.0) stays with the content: a school adapting it needs it there.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/content/ DESTINATION ${datadir}/content COMPONENT game)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${datadir}/assets COMPONENT game)
# The web bundle only when it was built (scripts/build-web); OPTIONAL: missing is fine.
install(DIRECTORY ${UPSTANDER_WEB_BUNDLE}/ DESTINATION ${datadir}/web COMPONENT game OPTIONAL)
install(FILES ${man_out}/upstander.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT game)

# --- teacher
foreach(program upstander-teacher upstander-content)
  if(TARGET ${program})  # a cross build may make only some of them
    install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT teacher)
  endif()
endforeach()
install(FILES ${man_out}/upstander-teacher.1.gz ${man_out}/upstander-content.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT teacher)
if(UPSTANDER_GUI)
  install(FILES ${pkg}/linux/upstander-teacher.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT teacher)
endif()

# --- icons: the game's and the teacher's (the same mark on other colours)
foreach(name upstander upstander-teacher)
  if(name STREQUAL "upstander")
    set(component game)
  else()
    set(component teacher)
  endif()
  install(FILES ${pkg}/icons/${name}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT ${component})
  foreach(size 48 128 256)
    install(FILES ${pkg}/icons/${name}-${size}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
      RENAME ${name}.png COMPONENT ${component})
  endforeach()
endforeach()

# --- the service and its settings: system paths for the packages, else under the prefix
# (Linux only: a Windows build has neither systemd nor /etc).
if(NOT WIN32)
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(UPSTANDER_SYSTEMD_DIR "/lib/systemd/system")
  else()
    set(UPSTANDER_SYSTEMD_DIR "${CMAKE_INSTALL_LIBDIR}/systemd/system")
  endif()
  install(FILES ${pkg}/linux/upstander-serve.service DESTINATION ${UPSTANDER_SYSTEMD_DIR} COMPONENT teacher)
  install(FILES ${pkg}/linux/serve.conf DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/upstander COMPONENT teacher)
endif()

# --- licences and admin docs, per package
foreach(p upstander upstander-teacher)
  if(p STREQUAL "upstander")
    set(component game)
  else()
    set(component teacher)
  endif()
  set(doc ${CMAKE_INSTALL_DATADIR}/doc/${p})
  install(FILES ${pkg}/debian/copyright DESTINATION ${doc} COMPONENT ${component})
  install(FILES ${CMAKE_SOURCE_DIR}/THIRD-PARTY-NOTICES.md DESTINATION ${doc} COMPONENT ${component})
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/docs/admin.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/upstander-teacher COMPONENT teacher)
install(FILES ${CMAKE_SOURCE_DIR}/docs/ko/admin.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/upstander-teacher RENAME admin.ko.md COMPONENT teacher)
