# The dashboard in the browser (included by teacher/app/CMakeLists.txt under Emscripten):
# the same model and screens as the native dashboard, its calls over fetch() through the
# student client's Transport, its own page served at /teacher/ by the classroom server.
# Not here: the classroom server, the demo class, the tour and the worker thread.
set(UPSTANDER_WEB_QRENCODE "" CACHE PATH "libqrencode built for wasm (the lobby's QR code)")
if(NOT IS_DIRECTORY "${UPSTANDER_WEB_QRENCODE}")
  message(FATAL_ERROR "UPSTANDER_WEB_QRENCODE is not set to a folder: build for the browser with ./scripts/build-web")
endif()
set(UPSTANDER_WEB_TEACHER_STAGE "" CACHE PATH "The dashboard's content and fonts (scripts/web/stage-content.py)")

add_library(upstander_dep_qrencode INTERFACE)
target_include_directories(upstander_dep_qrencode SYSTEM INTERFACE "${UPSTANDER_WEB_QRENCODE}/include")
target_link_libraries(upstander_dep_qrencode INTERFACE "${UPSTANDER_WEB_QRENCODE}/lib/libqrencode.a")

add_library(upstander_join_address STATIC model/join_address.cpp
  model/interface_addresses_${UPSTANDER_PLATFORM}.cpp)
target_include_directories(upstander_join_address PUBLIC model)
upstander_warnings(upstander_join_address)

add_library(upstander_dashboard_model STATIC ${UPSTANDER_DASHBOARD_MODEL_SOURCES})
target_include_directories(upstander_dashboard_model PUBLIC model)
target_link_libraries(upstander_dashboard_model
  PUBLIC upstander_join_address upstander_engine upstander_protocol upstander_class_core upstander_author nlohmann_json::nlohmann_json
  PRIVATE upstander_dep_qrencode)
upstander_warnings(upstander_dashboard_model)

add_library(upstander_dashboard_ui STATIC ${UPSTANDER_DASHBOARD_UI_SOURCES})
target_include_directories(upstander_dashboard_ui PUBLIC ui)
target_link_libraries(upstander_dashboard_ui PUBLIC upstander_dashboard_model upstander_ui_window)
upstander_warnings(upstander_dashboard_ui)

add_executable(upstander-teacher
  web/main_web.cpp
  web/preview_tab.cpp
  web/browser_exports.cpp
  web/screen_sign_in.cpp
  web/teacher_page_state.cpp
)
target_include_directories(upstander-teacher PRIVATE web)
target_link_libraries(upstander-teacher PRIVATE upstander_dashboard_ui upstander_class_web)
# join_address.cpp's getifaddrs (which finds nothing in a browser) pulls in Emscripten's
# socket emulation, whose JavaScript needs these two from libc: Emscripten 3.1.6 forgets them.
target_link_options(upstander-teacher PRIVATE
  "-sEXPORTED_FUNCTIONS=['_main','_htons','_ntohs']"
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864 -sENVIRONMENT=web -sEXIT_RUNTIME=0
  -sFORCE_FILESYSTEM=1 -lidbfs.js
  "SHELL:--preload-file ${UPSTANDER_WEB_TEACHER_STAGE}/content@/content"
  "SHELL:--preload-file ${UPSTANDER_WEB_TEACHER_STAGE}/assets@/assets")
# Packaged again when the staged content changes (stage-content.py's stamp).
set_target_properties(upstander-teacher PROPERTIES LINK_DEPENDS "${UPSTANDER_WEB_TEACHER_STAGE}.stamp")
upstander_warnings(upstander-teacher)
