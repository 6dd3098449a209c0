// `upstander-content fmt`: rewrite content files in the canonical layout.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "commands.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/content_library.hpp"

namespace upstander::tool {

namespace {

// Write next to the file and rename over it, so a crash never leaves half a file.
bool write_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".fmt-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

}  // namespace

int run_fmt(const Args& args) {
  const auto parsed = parse_command(args, {cli::flag("--check")});
  if (!parsed) return cli::kUsageExit;
  const ParsedArgs& p = *parsed;
  if (p.positionals.empty()) return usage_error("fmt needs at least one file or folder");
  const bool check_only = p.has("--check");
  Diagnostics listing;
  const std::vector<std::string> files = list_content_files(p.positionals, listing);
  std::fputs(format_all_text(listing).c_str(), stderr);
  int status = listing.has_errors() ? 1 : 0;
  std::size_t differing = 0;
  for (const auto& path : files) {
    Diagnostics diags;
    std::optional<std::string> bytes = read_content_bytes(path, ParseLimits{}.max_bytes, diags);
    std::string original = bytes.value_or("");
    // A byte-order mark is the one problem fmt repairs rather than refuses.
    std::string body = original.rfind("\xEF\xBB\xBF", 0) == 0 ? original.substr(3) : original;
    ContentFile f;
    if (bytes) f = load_content_text(path, body, diags);
    if (!bytes || diags.has_errors()) {
      for (const auto& d : diags.all()) {
        if (d.severity == Severity::Error) std::fputs(format_text(d).c_str(), stderr);
      }
      std::fprintf(stderr, "%s: not formatted, fix the errors above first\n", path.c_str());
      status = 1;
      continue;
    }
    const std::string canonical = canonical_text(f);
    if (canonical == original) continue;
    ++differing;
    if (check_only) {
      std::printf("%s: not in the canonical layout (run upstander-content fmt %s)\n", path.c_str(),
                  path.c_str());
      status = 1;
    } else if (write_atomically(path, canonical)) {
      std::printf("formatted %s\n", path.c_str());
    } else {
      std::fprintf(stderr, "%s: could not write the formatted file\n", path.c_str());
      status = 1;
    }
  }
  if (check_only && differing == 0 && status == 0)
    std::fprintf(stderr, "%zu files in canonical layout\n", files.size());
  return status;
}

}  // namespace upstander::tool
