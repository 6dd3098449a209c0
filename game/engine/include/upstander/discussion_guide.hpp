// The discussion questions of the teacher guide (content/guide/<lang>/
// discussion-questions.md), by decision point: a "### Heading (`scenario/node`)" section
// whose "- " items are the questions. The debrief shows them next to that point's chart,
// and the heading is the decision's title wherever results name it (dashboard, exports).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace upstander {

struct GuidePoint {
  std::string heading;                 // without the (`scenario/node`) tag
  std::vector<std::string> questions;  // markdown marks removed
};

class DiscussionGuide {
 public:
  static DiscussionGuide parse(std::string_view markdown);
  // An empty guide when the file cannot be read.
  static DiscussionGuide load(const std::string& path);

  // nullptr when the guide has nothing for this decision point.
  const GuidePoint* find(std::string_view scenario, std::string_view node) const;
  std::size_t size() const { return points_.size(); }
  // Every text, for the font atlas.
  std::vector<std::string> texts() const;

 private:
  std::vector<GuidePoint> points_;
  std::map<std::string, std::size_t, std::less<>> by_tag_;  // "scenario/node" -> point
};

// content/guide/<language>/discussion-questions.md under `content_dir`.
std::string guide_path(const std::string& content_dir, const std::string& language);

}  // namespace upstander
