// The server's private folder: created owner-only, refused on a network share (the data
// must stay on the teacher's own machine), and the teacher token inside it.
#pragma once

#include <string>

#include "storage_error.hpp"

namespace upstander::server {

// Creates `dir` (and parents) with mode 0700 if needed and tightens an existing one.
// An error with a message if it cannot, or if it is on NFS/SMB/CIFS or another network
// file system.
StorageResult<void> prepare_data_folder(const std::string& dir);

// Creates `path` empty if it is missing and makes it owner-only, before SQLite opens it,
// so the -wal and -shm files it creates next (with the main file's mode) are owner-only
// from their first byte.
void create_private_file(const std::string& path);
// Narrows an existing file to owner-only (files left by an older version).
void make_file_private(const std::string& path);

// Replaces `path` with `contents` atomically and owner-only: written to `path`.new, flushed
// to the disk, renamed over the old file (a crash leaves one or the other).
StorageResult<void> replace_private_file(const std::string& path, const std::string& contents);

// Reads the teacher token from `path`, or makes a new random one there (mode 0600). A file
// that others can read is tightened to 0600 first.
StorageResult<std::string> load_or_create_teacher_token(const std::string& path);

}  // namespace upstander::server
