// The command line of `upstander`.
#pragma once

#include <string>
#include <vector>

#include "upstander/command_line.hpp"

namespace upstander::app {

struct Options {
  std::vector<std::string> content;  // folders or files; default: the shipped content/
  std::string assets_dir;
  std::string data_dir;  // where the save goes; default: the user's data folder
  std::string tour_dir;  // --tour OUT_DIR
  std::string language;  // --lang, for the tour (and a first start)
  int width = 1280;
  int height = 720;
  int text_size = -1;  // --text-size 0-3, for the tour: every screen at that size; -1 = the setting
  std::string play_file;  // --play FILE: play this pack from its start, save nothing (authors)
  bool drafts = false;
  bool help = false;
  bool version = false;
};

// The options, or what is wrong with the command line (upstander/command_line.hpp).
Result<Options, cli::UsageError> parse_options(const std::vector<std::string>& args);
std::string usage();

}  // namespace upstander::app
