# The browser build (Emscripten): the libraries scripts/build-web built or unpacked from
# Debian's source packages, as the same target names the native build gets from pkg-config.
# Header-only Debian packages (nlohmann-json, stb) are reached through links in the build
# folder, so the wasm compiler never searches the host's /usr/include.
include_guard(GLOBAL)

set(UPSTANDER_WEB_SDL2 "" CACHE PATH "SDL2 built for wasm (install prefix)")
set(UPSTANDER_WEB_FREETYPE "" CACHE PATH "FreeType built for wasm (install prefix)")
set(UPSTANDER_WEB_PNG "" CACHE PATH "libpng built for wasm (FreeType's colour emoji)")
set(UPSTANDER_WEB_ZLIB "" CACHE PATH "zlib built for wasm (libpng's)")
set(UPSTANDER_WEB_IMGUI "" CACHE PATH "Dear ImGui unpacked from Debian's source package")
set(UPSTANDER_WEB_STAGE "" CACHE PATH "Content and subset fonts to package (scripts/web/stage-content.py)")
foreach(v UPSTANDER_WEB_SDL2 UPSTANDER_WEB_FREETYPE UPSTANDER_WEB_PNG UPSTANDER_WEB_ZLIB
          UPSTANDER_WEB_IMGUI UPSTANDER_WEB_STAGE)
  if(NOT IS_DIRECTORY "${${v}}")
    message(FATAL_ERROR "${v} is not set to a folder: build for the browser with ./scripts/build-web")
  endif()
endforeach()

# The engine and the model use exceptions inside (never across their APIs).
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

set(_sysinc "${CMAKE_BINARY_DIR}/debian-headers")
file(MAKE_DIRECTORY "${_sysinc}")
foreach(_link nlohmann stb)
  if(NOT EXISTS "${_sysinc}/${_link}")
    file(CREATE_LINK "/usr/include/${_link}" "${_sysinc}/${_link}" SYMBOLIC)
  endif()
endforeach()

add_library(nlohmann_json INTERFACE)
target_include_directories(nlohmann_json SYSTEM INTERFACE "${_sysinc}")
add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)

add_library(upstander_dep_stb INTERFACE)
target_include_directories(upstander_dep_stb SYSTEM INTERFACE "${_sysinc}/stb")

add_library(upstander_dep_sdl2 INTERFACE)
target_include_directories(upstander_dep_sdl2 SYSTEM INTERFACE "${UPSTANDER_WEB_SDL2}/include/SDL2")
target_link_libraries(upstander_dep_sdl2 INTERFACE "${UPSTANDER_WEB_SDL2}/lib/libSDL2.a")
target_link_options(upstander_dep_sdl2 INTERFACE -sMAX_WEBGL_VERSION=2 -lGL)

add_library(upstander_dep_freetype INTERFACE)
target_include_directories(upstander_dep_freetype SYSTEM INTERFACE "${UPSTANDER_WEB_FREETYPE}/include/freetype2")
target_link_libraries(upstander_dep_freetype INTERFACE "${UPSTANDER_WEB_FREETYPE}/lib/libfreetype.a"
  "${UPSTANDER_WEB_PNG}/lib/libpng16.a" "${UPSTANDER_WEB_ZLIB}/lib/libz.a")

# Dear ImGui: the core, the SDL platform backend, the SDL_Renderer backend and the
# std::string text fields (the dashboard's), compiled
# from the source package (Debian's binary package has no imgui.cpp).
set(_im "${UPSTANDER_WEB_IMGUI}")
add_library(upstander_dep_imgui STATIC
  ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
  ${_im}/backends/imgui_impl_sdl.cpp ${_im}/backends/imgui_impl_sdlrenderer.cpp
  ${_im}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(upstander_dep_imgui SYSTEM PUBLIC ${_im} ${_im}/backends ${_im}/misc/cpp)
target_compile_definitions(upstander_dep_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS)
target_link_libraries(upstander_dep_imgui PUBLIC upstander_dep_sdl2)
