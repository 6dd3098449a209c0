#!/usr/bin/env bash
# Builds libz.a for wasm from Debian's zlib source package, file by file (its configure
# script probes the host compiler; the library is fifteen C files). libpng needs it, and
# FreeType needs libpng for the colour emoji, whose glyphs are PNG images.
#   build-zlib.sh ZLIB_SOURCE PREFIX WORK_DIR
set -euo pipefail
src=$1 prefix=$2 work=$3
mkdir -p "$work" "$prefix/lib" "$prefix/include"
objs=()
for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
  inftrees trees uncompr zutil; do
  emcc -c "$src/$f.c" -o "$work/$f.o" -O2 -w -DHAVE_UNISTD_H -DHAVE_STDARG_H
  objs+=("$work/$f.o")
done
rm -f "$prefix/lib/libz.a"
emar rcs "$prefix/lib/libz.a" "${objs[@]}"
cp "$src/zlib.h" "$src/zconf.h" "$prefix/include/"
echo "build-zlib: ${#objs[@]} objects"
