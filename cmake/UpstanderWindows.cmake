# The Windows build: the engine, the classroom server, `upstander-teacher serve` and the
# server's test suites, cross-compiled with MinGW-w64 (cmake/mingw-w64-x86_64.cmake) by
# scripts/build-windows, which stages SQLite (built from Debian's source package) and the
# header-only libraries and passes their folders here.
set(UPSTANDER_WIN_SQLITE "" CACHE PATH "SQLite built for Windows (include/, lib/libsqlite3.a)")
set(UPSTANDER_WIN_HEADERS "" CACHE PATH "httplib.h, nlohmann/ and doctest/ for the Windows build")
if(NOT EXISTS "${UPSTANDER_WIN_SQLITE}/lib/libsqlite3.a" OR NOT EXISTS "${UPSTANDER_WIN_HEADERS}/httplib.h")
  message(FATAL_ERROR "the Windows build takes its dependencies from scripts/build-windows")
endif()

# Windows 10 and later (WSAPoll, inet_ntop, the UTF-8 code page); windows.h without its
# min/max macros and rarely used parts.
add_compile_definitions(_WIN32_WINNT=0x0A00 WINVER=0x0A00 WIN32_LEAN_AND_MEAN NOMINMAX)
# One .exe with no MinGW DLL beside it (libstdc++, libgcc, winpthread linked in).
add_link_options(-static)

find_package(Threads REQUIRED)

# The dependencies under the native build's target names, so the same CMakeLists use them.
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
target_include_directories(nlohmann_json::nlohmann_json INTERFACE "${UPSTANDER_WIN_HEADERS}")
add_library(doctest::doctest INTERFACE IMPORTED GLOBAL)
target_include_directories(doctest::doctest INTERFACE "${UPSTANDER_WIN_HEADERS}")
add_library(PkgConfig::HTTPLIB INTERFACE IMPORTED GLOBAL)
target_include_directories(PkgConfig::HTTPLIB INTERFACE "${UPSTANDER_WIN_HEADERS}")
target_link_libraries(PkgConfig::HTTPLIB INTERFACE ws2_32)
add_library(PkgConfig::SQLITE3 STATIC IMPORTED GLOBAL)
set_target_properties(PkgConfig::SQLITE3 PROPERTIES
  IMPORTED_LOCATION "${UPSTANDER_WIN_SQLITE}/lib/libsqlite3.a"
  INTERFACE_INCLUDE_DIRECTORIES "${UPSTANDER_WIN_SQLITE}/include")
# Nothing else may look for them with pkg-config (cmake/UpstanderNetworkDeps.cmake).
set(UPSTANDER_NETWORK_DEPS_GIVEN ON)

# A zip holds content/ and web/ beside the program, where find_shipped() looks first
# (game/engine/include/upstander/shipped_data.hpp), whatever the working folder.

enable_testing()
add_subdirectory(game/engine)
add_subdirectory(protocol)
add_subdirectory(game/client)
add_subdirectory(teacher/server)
add_subdirectory(teacher/app)
add_subdirectory(tests)
