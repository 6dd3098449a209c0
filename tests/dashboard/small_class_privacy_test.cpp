// Issue 15 item 1: a small class sees a usable picture and no count below k can be worked
// out. Every split of 0-20 students over a decision of 2, 3, 4 and 5 choices goes through
// the real summary, the CSV export and the debrief (preview and reveal, in both
// languages); the splits that show the same on all of them are grouped, as a curious
// reader would, and within each group every nonzero count below k must still vary.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <vector>

#include "api_types.hpp"
#include "cell_words.hpp"
#include "csv_export.hpp"
#include "norm_line.hpp"
#include "server_test_support.hpp"
#include "session_content.hpp"
#include "summary_builder.hpp"
#include "upstander/content_library.hpp"

using namespace upstander;
using namespace upstander::dashboard;
using J = nlohmann::ordered_json;

namespace {

std::shared_ptr<const server::SessionContent> group_chat() {
  std::ifstream in(test::source_path("content/scenarios/group-chat.json"));
  std::stringstream a;
  a << in.rdbuf();
  auto c = server::SessionContent::load({{"group-chat.json", "scenario", a.str(), ""}});
  REQUIRE_MESSAGE(c, (c ? "" : c.error().message));
  return *c;
}

// Every split of `total` students over `width` choices.
void each_split(int total, std::size_t width, std::vector<std::int64_t>& cur, std::size_t i,
                const std::function<void()>& fn) {
  if (i + 1 == width) {
    cur[i] = total;
    fn();
    return;
  }
  for (int v = 0; v <= total; ++v) {
    cur[i] = v;
    each_split(total - v, width, cur, i + 1, fn);
  }
}

// The CSV lines about one decision point.
std::string csv_lines_of(const std::string& csv, const std::string& node) {
  std::istringstream in(csv);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind("choice,group-chat," + node + ",", 0) == 0) out += line + "\n";
  }
  return out;
}

struct Seen {
  std::int64_t first = -1;
  bool varies = false;
};

}  // namespace

TEST_CASE("small classes: nothing shown on any screen or export pins down a count below k") {
  const auto content = group_chat();
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  const DashboardText en(lib, "en");
  const DashboardText ko(lib, "ko");
  const int k = 5;
  // group-chat's decision points with 7, 4, 3 and 2 choices, each over every class up to a
  // size: the seven-way first move only up to 12 students, or the test would walk 900,000
  // splits (5 minutes) for little more certainty.
  const std::vector<std::pair<std::string, int>> nodes = {
      {"first-move", 12}, {"yujin-asks", 20}, {"haeun-left-chat", 20}, {"ask-note", 20}};
  const J session = {{"id", "s"}, {"state", "ended"}, {"language", "en"}, {"k", k}};
  int splits = 0, said_in_words = 0, pinned = 0;
  for (const auto& [node_id, largest_class] : nodes) {
    const Scenario* sc = content->scenario("group-chat");
    const Node* node = sc->find_node(node_id);
    REQUIRE(node);
    const std::size_t width = node->choices.size();
    std::map<std::string, std::vector<Seen>> groups;
    std::vector<std::int64_t> cur(width, 0);
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> rows;
    for (int total = 0; total <= largest_class; ++total) {
      each_split(total, width, cur, 0, [&] {
        server::AggregateTable agg;
        for (std::size_t i = 0; i < width; ++i)
          agg.set(server::AnswerKind::Choice, "group-chat", node_id, node->choices[i].id, cur[i]);
        const J summary = server::build_summary({content.get(), "en", k}, agg);
        J decision;
        for (const auto& d : summary["scenarios"][0]["decisions"]) {
          if (d["node"] == node_id) decision = d;
        }
        // Everything a teacher (or a class, on the projector) can read about this point;
        // the rest of the summary is the same for every split and is left out for speed.
        J whole = summary;
        whole["scenarios"][0]["decisions"] = J::array({decision});
        std::string view = decision.dump();
        view += csv_lines_of(server::summary_to_csv(whole, session), node_id);
        whole["session"] = session;
        const auto parsed = parse_summary(nlohmann::json::parse(whole.dump()));
        REQUIRE(parsed);
        for (const auto& dec : parsed->scenarios[0].decisions) {
          if (dec.node != node_id) continue;
          for (const DashboardText* text : {&en, &ko}) {
            view += "|" + row_note(dec.row, *text);
            if (const auto line = norm_line(dec.row, k)) {
              view += "|" + norm_sentence(*line, *text) + "|" + norm_warning(*line, *text);
              if (line->kind == NormKind::MostInWords) ++said_in_words;
            }
            for (const auto& c : dec.row.cells) view += "|" + cell_words(c, k, *text);
            view += "|" + cell_words(dec.row.total, k, *text);
          }
        }
        auto& g = groups[view];
        g.resize(width);
        for (std::size_t i = 0; i < width; ++i) {
          if (g[i].first < 0)
            g[i].first = cur[i];
          else if (g[i].first != cur[i])
            g[i].varies = true;
        }
        rows.emplace_back(view, cur);
        ++splits;
      });
    }
    for (const auto& [view, split] : rows) {
      const auto& g = groups[view];
      for (std::size_t i = 0; i < width; ++i) {
        if (split[i] > 0 && split[i] < k && !g[i].varies) {
          ++pinned;
          std::ostringstream s;
          for (auto v : split) s << v << " ";
          FAIL_CHECK("the split " << s.str() << "at " << node_id << " gives away choice " << i);
        }
      }
    }
  }
  CHECK(pinned == 0);
  // 0-12 students over 7 choices, 0-20 over 4, 3 and 2: C(19,7) + C(24,4) + C(23,3) + C(22,2).
  CHECK(splits == 50388 + 10626 + 1771 + 231);
  CHECK(said_in_words > 0);  // the words do appear for small classes
}

TEST_CASE(
    "a class of six with five on one answer hears which, in words, and nobody is 'hidden' at "
    "zero") {
  const auto content = group_chat();
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  const DashboardText en(lib, "en");
  server::AggregateTable agg;
  agg.set(server::AnswerKind::Choice, "group-chat", "first-move", "call-out", 5);
  agg.set(server::AnswerKind::Choice, "group-chat", "first-move", "leave", 1);
  J summary = server::build_summary({content.get(), "en", 5}, agg);
  summary["session"] = {{"id", "s"}, {"state", "ended"}};
  const auto parsed = parse_summary(nlohmann::json::parse(summary.dump()));
  REQUIRE(parsed);
  const Row& first = parsed->scenarios[0].decisions[0].row;
  for (const auto& c : first.cells) CHECK_FALSE(c.count);  // the 1 stays protected
  CHECK(first.most == "call-out");
  CHECK(row_note(first, en).find("Most of the class chose") == 0);
  const auto line = norm_line(first, 5);
  REQUIRE(line);
  CHECK(norm_sentence(*line, en).find("Most of your class chose") == 0);
  // Nobody answered the next point yet: "no answers yet", not "hidden".
  const Row& second = parsed->scenarios[0].decisions[1].row;
  CHECK(row_note(second, en) == "no answers yet");
  CHECK(cell_words(second.total, 5, en) == "0");
  // Without a majority the debrief claims none.
  server::AggregateTable split;
  for (const char* id : {"react", "forward", "silent"})
    split.set(server::AnswerKind::Choice, "group-chat", "first-move", id, 2);
  J s2 = server::build_summary({content.get(), "en", 5}, split);
  s2["session"] = {{"id", "s"}, {"state", "ended"}};
  const auto p2 = parse_summary(nlohmann::json::parse(s2.dump()));
  CHECK_FALSE(norm_line(p2->scenarios[0].decisions[0].row, 5));
}

TEST_CASE(
    "a harmful majority is previewed with a warning and revealed as the share who chose "
    "otherwise") {
  const auto content = group_chat();
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  const DashboardText en(lib, "en");
  const DashboardText ko(lib, "ko");
  server::AggregateTable agg;
  agg.set(server::AnswerKind::Choice, "group-chat", "first-move", "react", 18);
  agg.set(server::AnswerKind::Choice, "group-chat", "first-move", "call-out", 7);
  agg.set(server::AnswerKind::Choice, "group-chat", "first-move", "leave", 5);
  J summary = server::build_summary({content.get(), "en", 5}, agg);
  // The rule from the content: laughing and forwarding lead to excuse cards and spread the
  // image; calling it out and leaving do neither.
  const J& cells = summary["scenarios"][0]["decisions"][0]["cells"];
  std::map<std::string, bool> harmful;
  for (const auto& c : cells) harmful[c["id"].get<std::string>()] = c["harmful"].get<bool>();
  CHECK(harmful["react"]);
  CHECK(harmful["forward"]);
  // Freezing is met with a thought card (a thought that gets in the way), not an excuse.
  CHECK_FALSE(harmful["silent"]);
  CHECK_FALSE(harmful["leave"]);
  CHECK_FALSE(harmful["call-out"]);
  summary["session"] = {{"id", "s"}, {"state", "ended"}};
  const auto parsed = parse_summary(nlohmann::json::parse(summary.dump()));
  REQUIRE(parsed);
  const auto line = norm_line(parsed->scenarios[0].decisions[0].row, 5);
  REQUIRE(line);
  CHECK(line->harmful);
  const std::string reveal = norm_sentence(*line, en);
  CHECK(reveal == "12 of 30 in your class chose something other than “React with 😂”.");
  CHECK(reveal.find("Most") == std::string::npos);
  CHECK(norm_warning(*line, en).find("boomerang") != std::string::npos);
  CHECK(norm_sentence(*line, ko).find("30명 중 12명") != std::string::npos);
  // An upstander majority is still announced as the norm, with no warning.
  server::AggregateTable good;
  good.set(server::AnswerKind::Choice, "group-chat", "first-move", "call-out", 20);
  good.set(server::AnswerKind::Choice, "group-chat", "first-move", "leave", 10);
  J s2 = server::build_summary({content.get(), "en", 5}, good);
  s2["session"] = {{"id", "s"}, {"state", "ended"}};
  const auto p2 = parse_summary(nlohmann::json::parse(s2.dump()));
  const auto l2 = norm_line(p2->scenarios[0].decisions[0].row, 5);
  REQUIRE(l2);
  CHECK_FALSE(l2->harmful);
  CHECK(norm_sentence(*l2, en).find("Most of your class (20 of 30)") == 0);
  CHECK(norm_warning(*l2, en).empty());
}
