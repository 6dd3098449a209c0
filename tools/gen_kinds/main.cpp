// upstander-gen-kinds: writes the node schema and FORMAT.md's kind reference from the node
// kinds' table, or with --check fails when the committed copies differ (run by CTest).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "kind_docs.hpp"

namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace upstander;
  const bool check = argc == 3 && std::string(argv[1]) == "--check";
  if (argc != 2 && !check) {
    std::fprintf(stderr, "usage: upstander-gen-kinds [--check] SOURCE_DIR\n");
    return 2;
  }
  const std::string root = argv[argc - 1];
  struct Output {
    std::string path;
    std::optional<std::string> (*make)(std::string_view, std::span<const KindSpec>);
  };
  const Output outputs[] = {
      {root + "/content/schema/scenario.schema.json", kind_docs::scenario_schema},
      {root + "/content/FORMAT.md", kind_docs::format_doc}};
  int stale = 0;
  for (const auto& o : outputs) {
    const auto committed = read_file(o.path);
    const auto made = committed ? o.make(*committed, node_kinds()) : std::nullopt;
    if (!made) {
      std::fprintf(stderr, "%s: cannot read it, or its generated part's markers are missing\n",
                   o.path.c_str());
      return 1;
    }
    if (*made == *committed) continue;
    ++stale;
    if (check) {
      std::fprintf(stderr, "%s differs from what game/engine/src/node_kinds.cpp makes\n",
                   o.path.c_str());
    } else if (!write_file(o.path, *made)) {
      std::fprintf(stderr, "%s: cannot write it\n", o.path.c_str());
      return 1;
    } else {
      std::printf("wrote %s\n", o.path.c_str());
    }
  }
  if (check && stale > 0) {
    std::fprintf(
        stderr,
        "regenerate with: ninja -C build upstander-gen-kinds && ./build/tools/gen_kinds/upstander-gen-kinds .\n");
    return 1;
  }
  return 0;
}
