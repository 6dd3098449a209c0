#!/usr/bin/env bash
# Builds libSDL2.a for wasm from Debian's SDL2 source package without its configure step
# (hundreds of compiler checks that take many minutes on a busy machine): SDL ships the
# emscripten configuration (include/SDL_config_emscripten.h, threads disabled), and
# emscripten's own SDL port is built the same way, file by file.
#   build-sdl2.sh SDL_SOURCE PREFIX WORK_DIR JOBS
set -euo pipefail
src=$1 prefix=$2 work=$3 jobs=${4:-2}
dirs=(. atomic audio audio/disk audio/dummy audio/emscripten cpuinfo dynapi events file
  filesystem/emscripten haptic haptic/dummy joystick joystick/emscripten loadso/dlopen locale
  locale/emscripten misc misc/emscripten power power/emscripten render render/software
  render/opengles2 sensor sensor/dummy stdlib thread thread/generic timer timer/unix video
  video/emscripten video/dummy video/yuv2rgb)
mkdir -p "$work/obj" "$prefix/lib" "$prefix/include/SDL2"
files=()
for d in "${dirs[@]}"; do
  for f in "$src/src/$d"/*.c; do [ -e "$f" ] && files+=("$f"); done
done
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} sh -c '
  o="$0/obj/$(echo "{}" | sed "s|^$1/src/||; s|/|_|g").o"
  [ -f "$o" ] || emcc -c "{}" -o "$o" -I"$1/include" -O2 -w
' "$work" "$src"
rm -f "$prefix/lib/libSDL2.a"
find "$work/obj" -name "*.o" -print0 | sort -z | xargs -0 emar rcs "$prefix/lib/libSDL2.a"
cp "$src"/include/*.h "$prefix/include/SDL2/"
echo "build-sdl2: $(find "$work/obj" -name "*.o" | wc -l) objects"
