// The shared command-line parser: one pass over the arguments, options by name.
#include "upstander/command_line.hpp"

#include <cstdio>

#include "upstander/suggest.hpp"

namespace upstander::cli {

namespace {

const Spec* find_spec(const std::vector<Spec>& specs, const std::string& name) {
  for (const auto& s : specs)
    if (s.name == name || (!s.short_name.empty() && s.short_name == name)) return &s;
  return nullptr;
}

UsageError unknown_option(const std::string& name, const std::vector<Spec>& specs) {
  std::vector<std::string> names{"--help", "--version"};
  for (const auto& s : specs) names.push_back(s.name);
  return {"unknown option " + name + did_you_mean(name, names)};
}

}  // namespace

bool Parsed::has(const std::string& name) const {
  for (const auto& [n, v] : options)
    if (n == name) return true;
  return false;
}

std::string Parsed::value(const std::string& name, const std::string& fallback) const {
  std::string out = fallback;
  for (const auto& [n, v] : options)
    if (n == name) out = v;
  return out;
}

std::vector<std::string> Parsed::values(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : options)
    if (n == name) out.push_back(v);
  return out;
}

Result<Parsed, UsageError> parse(const std::vector<std::string>& args,
                                 const std::vector<Spec>& specs, bool allow_positionals) {
  Parsed p;
  bool only_positionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positionals || a.size() < 2 || a[0] != '-') {
      if (!allow_positionals) return fail(UsageError{"unexpected argument \"" + a + "\""});
      p.positionals.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positionals = true;
      continue;
    }
    const std::size_t eq = a.rfind("--", 0) == 0 ? a.find('=') : std::string::npos;
    const std::string name = a.substr(0, eq);
    if (name == "--help" || name == "-h" || name == "--version") {
      if (eq != std::string::npos) return fail(UsageError{name + " takes no value"});
      (name == "--version" ? p.version : p.help) = true;
      continue;
    }
    const Spec* spec = find_spec(specs, name);
    if (!spec) return fail(unknown_option(name, specs));
    if (!spec->takes_value) {
      if (eq != std::string::npos) return fail(UsageError{name + " takes no value"});
      p.options.emplace_back(spec->name, "");
    } else if (eq != std::string::npos) {
      p.options.emplace_back(spec->name, a.substr(eq + 1));
    } else if (i + 1 < args.size()) {
      p.options.emplace_back(spec->name, args[++i]);
    } else {
      return fail(UsageError{name + " needs a value"});
    }
  }
  return p;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

int report_usage_error(const std::string& program, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n(see %s --help)\n", program.c_str(), message.c_str(),
               program.c_str());
  return kUsageExit;
}

}  // namespace upstander::cli
