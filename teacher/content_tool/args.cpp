// Argument handling shared by the subcommands.
#include <algorithm>
#include <cstdio>

#include "commands.hpp"

namespace upstander::tool {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "upstander-content: %s\n(see upstander-content --help)\n", message.c_str());
  return 2;
}

ParsedArgs parse_args(const Args& args) {
  ParsedArgs p;
  bool only_paths = false;
  for (const auto& a : args) {
    if (!only_paths && a == "--") {
      only_paths = true;
    } else if (!only_paths && a.size() > 2 && a.rfind("--", 0) == 0) {
      p.options.push_back(a);
    } else {
      p.paths.push_back(a);
    }
  }
  return p;
}

bool ParsedArgs::has(const std::string& option) const {
  for (const auto& o : options) {
    if (o == option || o.rfind(option + "=", 0) == 0) return true;
  }
  return false;
}

std::string ParsedArgs::value(const std::string& option, const std::string& fallback) const {
  for (const auto& o : options) {
    if (o.rfind(option + "=", 0) == 0) return o.substr(option.size() + 1);
  }
  return fallback;
}

bool only_options(const ParsedArgs& p, const std::vector<std::string>& allowed) {
  for (const auto& o : p.options) {
    const std::string name = o.substr(0, o.find('='));
    bool ok = false;
    for (const auto& a : allowed) ok = ok || a == name;
    if (!ok) {
      usage_error("unknown option " + name);
      return false;
    }
  }
  return true;
}

Args join_option_values(const Args& args, const std::vector<std::string>& with_value) {
  Args out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool takes_value = a == "-o" || std::find(with_value.begin(), with_value.end(), a) != with_value.end();
    if (takes_value && i + 1 < args.size()) {
      out.push_back((a == "-o" ? std::string("--output") : a) + "=" + args[++i]);
    } else {
      out.push_back(a);
    }
  }
  return out;
}

}  // namespace upstander::tool
