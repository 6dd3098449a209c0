// Reading the guide's markdown: headings with `scenario/node` tags and their bullet items.
#include "upstander/discussion_guide.hpp"

#include <fstream>
#include <sstream>

namespace upstander {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Inline markdown a projector should not show: **bold**, `code`.
std::string plain(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '`') continue;
    if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      ++i;
      continue;
    }
    out += s[i];
  }
  return trim(out);
}

// The `a/b` tags inside the heading's last parentheses.
std::vector<std::string> tags_of(std::string_view heading, std::string& title) {
  std::vector<std::string> tags;
  title = plain(heading);
  const auto open = heading.rfind("(`");
  if (open == std::string_view::npos || heading.back() != ')') return tags;
  title = plain(heading.substr(0, open));
  std::string_view inside = heading.substr(open + 1, heading.size() - open - 2);
  std::size_t pos = 0;
  while ((pos = inside.find('`', pos)) != std::string_view::npos) {
    const auto end = inside.find('`', pos + 1);
    if (end == std::string_view::npos) break;
    const std::string tag(inside.substr(pos + 1, end - pos - 1));
    if (tag.find('/') != std::string::npos) tags.push_back(tag);
    pos = end + 1;
  }
  return tags;
}

}  // namespace

DiscussionGuide DiscussionGuide::parse(std::string_view markdown) {
  DiscussionGuide g;
  std::istringstream in{std::string(markdown)};
  std::string line;
  GuidePoint* current = nullptr;
  bool in_item = false;
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) {
      current = nullptr;
      in_item = false;
      if (line.rfind("### ", 0) != 0) continue;
      std::string title;
      const auto tags = tags_of(trim(std::string_view(line).substr(4)), title);
      if (tags.empty()) continue;
      g.points_.push_back({title, {}});
      for (const auto& t : tags) g.by_tag_[t] = g.points_.size() - 1;
      current = &g.points_.back();
    } else if (!current) {
      continue;
    } else if (line.rfind("- ", 0) == 0) {
      current->questions.push_back(plain(std::string_view(line).substr(2)));
      in_item = true;
    } else if (in_item && line.rfind("  ", 0) == 0 && !trim(line).empty()) {
      current->questions.back() += " " + plain(line);  // a wrapped question
    } else {
      in_item = false;
    }
  }
  return g;
}

DiscussionGuide DiscussionGuide::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str());
}

const GuidePoint* DiscussionGuide::find(std::string_view scenario, std::string_view node) const {
  const std::string tag = std::string(scenario) + "/" + std::string(node);
  const auto it = by_tag_.find(tag);
  return it == by_tag_.end() ? nullptr : &points_[it->second];
}

std::vector<std::string> DiscussionGuide::texts() const {
  std::vector<std::string> out;
  for (const auto& p : points_) {
    out.push_back(p.heading);
    out.insert(out.end(), p.questions.begin(), p.questions.end());
  }
  return out;
}

std::string guide_path(const std::string& content_dir, const std::string& language) {
  return content_dir + "/guide/" + language + "/discussion-questions.md";
}

}  // namespace upstander
