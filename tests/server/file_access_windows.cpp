// File privacy through Windows access lists: every entry that allows anything must name
// the current user or SYSTEM.
#include <windows.h>
// After windows.h: these need its types.
#include <aclapi.h>
#include <sddl.h>

#include <memory>

#include "file_access.hpp"
#include "wide_text_windows.hpp"

namespace upstander::test {

namespace {

std::unique_ptr<unsigned char[]> current_user_sid() {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return nullptr;
  DWORD size = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  auto user = std::make_unique<unsigned char[]>(size);
  const bool ok = GetTokenInformation(token, TokenUser, user.get(), size, &size);
  CloseHandle(token);
  if (!ok) return nullptr;
  PSID sid = reinterpret_cast<TOKEN_USER*>(user.get())->User.Sid;
  auto copy = std::make_unique<unsigned char[]>(GetLengthSid(sid));
  CopySid(GetLengthSid(sid), copy.get(), sid);
  return copy;
}

}  // namespace

bool private_to_owner(const std::string& path) {
  const auto user = current_user_sid();
  if (!user) return false;
  unsigned char system[SECURITY_MAX_SID_SIZE];
  DWORD system_size = sizeof system;
  CreateWellKnownSid(WinLocalSystemSid, nullptr, system, &system_size);
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR sd = nullptr;
  std::wstring wide = server::widen(path);
  if (GetNamedSecurityInfoW(wide.data(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                            nullptr, &dacl, nullptr, &sd) != ERROR_SUCCESS)
    return false;
  // No access list at all means everyone may do anything.
  bool ok = dacl != nullptr;
  for (DWORD i = 0; ok && i < dacl->AceCount; ++i) {
    void* ace = nullptr;
    if (!GetAce(dacl, i, &ace)) {
      ok = false;
      break;
    }
    if (static_cast<ACE_HEADER*>(ace)->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    PSID who = &static_cast<ACCESS_ALLOWED_ACE*>(ace)->SidStart;
    ok = EqualSid(who, user.get()) || EqualSid(who, system);
  }
  LocalFree(sd);
  return ok;
}

void open_to_everyone(const std::string& path) {
  PSECURITY_DESCRIPTOR sd = nullptr;
  // Everyone (WD) may read, beside what the folder passes down.
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:(A;;FR;;;WD)", SDDL_REVISION_1, &sd,
                                                            nullptr))
    return;
  BOOL present = FALSE;
  BOOL defaulted = FALSE;
  PACL dacl = nullptr;
  GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
  std::wstring wide = server::widen(path);
  SetNamedSecurityInfoW(wide.data(), SE_FILE_OBJECT,
                        DACL_SECURITY_INFORMATION | UNPROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                        nullptr, dacl, nullptr);
  LocalFree(sd);
}

bool access_lists_are_emulated() {
  const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

}  // namespace upstander::test
