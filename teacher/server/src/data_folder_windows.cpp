// Data folder, private files and teacher token on Windows: a folder (by default
// %LOCALAPPDATA%\Upstander, upstander/user_folders.hpp) whose access list admits only this user and
// SYSTEM, refused on network drives.
#include <windows.h>
// After windows.h: these need its types.
#include <aclapi.h>
#include <sddl.h>

#include <filesystem>
#include <memory>

#include "data_folder.hpp"
#include "secure_random.hpp"
#include "upstander/server/server_options.hpp"
#include "wide_text_windows.hpp"

namespace upstander::server {

namespace fs = std::filesystem;

namespace {

bool on_network_drive(const std::string& dir) {
  const std::wstring path = fs::absolute(fs::path(widen(dir))).wstring();
  if (path.rfind(L"\\\\", 0) == 0) return true;  // \\server\share
  wchar_t root[MAX_PATH] = {};
  if (!GetVolumePathNameW(path.c_str(), root, MAX_PATH)) return false;
  return GetDriveTypeW(root) == DRIVE_REMOTE;
}

// The current user's SID as text ("S-1-5-21-..."), or "" if the token cannot be read.
std::wstring current_user_sid() {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
  DWORD size = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  auto buf = std::make_unique<unsigned char[]>(size);
  std::wstring out;
  LPWSTR text = nullptr;
  if (GetTokenInformation(token, TokenUser, buf.get(), size, &size) &&
      ConvertSidToStringSidW(reinterpret_cast<TOKEN_USER*>(buf.get())->User.Sid, &text)) {
    out = text;
    LocalFree(text);
  }
  CloseHandle(token);
  return out;
}

// Replaces the folder's inherited access list with one admitting this user and SYSTEM
// only (inherited by everything created inside), as mode 0700 does on Linux.
bool make_folder_private(const std::string& dir) {
  const std::wstring sid = current_user_sid();
  if (sid.empty()) return false;
  const std::wstring sddl = L"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;" + sid + L")";
  PSECURITY_DESCRIPTOR sd = nullptr;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &sd,
                                                            nullptr))
    return false;
  BOOL present = FALSE;
  BOOL defaulted = FALSE;
  PACL dacl = nullptr;
  GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
  std::wstring path = widen(dir);
  const DWORD rc = SetNamedSecurityInfoW(
      path.data(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
      nullptr, nullptr, dacl, nullptr);
  LocalFree(sd);
  return rc == ERROR_SUCCESS;
}

std::string last_error_text() {
  wchar_t text[256] = {};
  const DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                 nullptr, GetLastError(), 0, text, 256, nullptr);
  std::string out = narrow(std::wstring(text, n));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

StorageResult<void> prepare_data_folder(const std::string& dir) {
  std::error_code ec;
  const fs::path path(widen(dir));
  fs::create_directories(path, ec);
  if (ec || !fs::is_directory(path, ec)) {
    return fail(StorageFailure{StorageError::CannotCreate,
                               "cannot create the data folder " + dir + ": " + ec.message()});
  }
  if (on_network_drive(dir)) {
    return fail(StorageFailure{StorageError::NetworkShare,
                               "the data folder " + dir +
                                   " is on a network drive; student data must stay on this "
                                   "computer: choose a local folder with --data"});
  }
  if (!make_folder_private(dir)) {
    return fail(StorageFailure{StorageError::NotPrivate, "cannot make the data folder " + dir +
                                                             " private: " + last_error_text()});
  }
  return {};
}

// Files inside the data folder inherit its private access list.
void create_private_file(const std::string& path) {
  const HANDLE h = CreateFileW(widen(path).c_str(), GENERIC_READ | GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_ALWAYS,
                               FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
}

// Drops the file's own entries (as a copy from elsewhere may carry) so that it has only
// what the private folder passes down.
void make_file_private(const std::string& path) {
  ACL empty{};
  if (!InitializeAcl(&empty, sizeof empty, ACL_REVISION)) return;
  std::wstring wide = widen(path);
  SetNamedSecurityInfoW(wide.data(), SE_FILE_OBJECT,
                        DACL_SECURITY_INFORMATION | UNPROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                        nullptr, &empty, nullptr);
}

// The new file inherits the private folder's access list; MoveFileEx replaces the old one
// (MinGW's rename() would refuse an existing target).
StorageResult<void> replace_private_file(const std::string& path, const std::string& contents) {
  const std::wstring tmp = widen(path + ".new");
  const HANDLE h = CreateFileW(tmp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                               FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    return fail(StorageFailure{StorageError::CannotWrite,
                               "cannot write " + path + ".new: " + last_error_text()});
  }
  DWORD done = 0;
  const bool written =
      WriteFile(h, contents.data(), static_cast<DWORD>(contents.size()), &done, nullptr) &&
      done == contents.size() && FlushFileBuffers(h);
  CloseHandle(h);
  if (!written || !MoveFileExW(tmp.c_str(), widen(path).c_str(),
                               MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    const std::string reason = last_error_text();
    DeleteFileW(tmp.c_str());
    return fail(StorageFailure{StorageError::CannotWrite, "cannot write " + path + ": " + reason});
  }
  return {};
}

StorageResult<std::string> load_or_create_teacher_token(const std::string& path) {
  const std::wstring wpath = widen(path);
  if (GetFileAttributesW(wpath.c_str()) != INVALID_FILE_ATTRIBUTES) make_file_private(path);
  HANDLE h = CreateFileW(wpath.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h != INVALID_HANDLE_VALUE) {
    char buf[128];
    DWORD n = 0;
    const BOOL ok = ReadFile(h, buf, sizeof buf, &n, nullptr);
    CloseHandle(h);
    std::string t(buf, ok ? n : 0);
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    if (t.size() < 32) {
      return fail(StorageFailure{
          StorageError::Damaged,
          "the teacher token file " + path + " is damaged; delete it to make a new token"});
    }
    return t;
  }
  if (GetLastError() != ERROR_FILE_NOT_FOUND) {
    return fail(StorageFailure{StorageError::CannotRead,
                               "cannot read the teacher token " + path + ": " + last_error_text()});
  }
  auto fresh = random_hex(32);  // 256 bits
  if (!fresh) {
    return fail(StorageFailure{StorageError::NoRandomness,
                               "the system gave no random bytes for the teacher token"});
  }
  const std::string token = std::move(*fresh);
  // CREATE_NEW fails if another process made the file meanwhile, as O_EXCL does.
  h = CreateFileW(wpath.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL,
                  nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    return fail(StorageFailure{StorageError::CannotCreate, "cannot create the teacher token " +
                                                               path + ": " + last_error_text()});
  }
  const std::string line = token + "\r\n";
  DWORD written = 0;
  const bool ok = WriteFile(h, line.data(), static_cast<DWORD>(line.size()), &written, nullptr) &&
                  written == line.size() && FlushFileBuffers(h);
  CloseHandle(h);
  if (!ok) {
    return fail(
        StorageFailure{StorageError::CannotWrite, "cannot write the teacher token " + path});
  }
  return token;
}

}  // namespace upstander::server
