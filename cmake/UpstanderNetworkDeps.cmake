# The HTTP, SQLite and hashing libraries of the classroom server and the student client,
# found with pkg-config from Debian packages. Safe to include from several folders.
include_guard(GLOBAL)
if(UPSTANDER_NETWORK_DEPS_GIVEN)  # the Windows build's, from cmake/UpstanderWindows.cmake
  return()
endif()
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET GLOBAL sqlite3)
pkg_check_modules(LIBCRYPTO REQUIRED IMPORTED_TARGET GLOBAL libcrypto)
