// Excuses and outcomes checked against who the story targets (SAFETY.md: the targeted
// person's thoughts are never excuses, and a targeted player's choices never decide harm).
#include "upstander/scenario_roles.hpp"

#include "upstander/diagnostic_codes.hpp"
#include "upstander/pointer_index.hpp"

namespace upstander {

namespace {

const char* kThoughtFix =
    "make it a thought card: \"kind\": \"thought\" with the text under \"thought\" (a targeted "
    "person's "
    "fears, self-blame and hopes are never excuses); keep \"excuse\" for someone doing, passing on "
    "or "
    "excusing the harm";

class RoleChecker {
 public:
  RoleChecker(const Scenario& s, const SourceText& source, Diagnostics& out)
      : s_(s), source_(source), out_(out), pointers_(source) {}

  void run() {
    const bool player_targeted = s_.player_is_targeted();
    for (const auto& n : s_.nodes) {
      if (n.kind == NodeKind::Excuse) check_excuse(n, player_targeted);
      if (n.is_ending()) check_outcome(n, player_targeted);
    }
  }

 private:
  void error(std::uint32_t offset, std::string msg, std::string fix) {
    out_.report(source_, offset, Severity::Error, codes::kExcuseByTargeted, pointers_.at(offset),
                std::move(msg), std::move(fix));
  }

  void check_excuse(const Node& n, bool player_targeted) {
    const IdRef& speaker = n.as<ExcuseBody>().speaker;
    if (!speaker.empty() && s_.is_targeted(speaker.id)) {
      const bool is_player = speaker.id == s_.player.id;
      error(speaker.loc.offset,
            "the excuse \"" + n.id + "\" is spoken by " +
                (is_player ? "the player, who is targeted in this story"
                           : "\"" + speaker.id + "\", who is targeted"),
            kThoughtFix);
    } else if (speaker.empty() && player_targeted) {
      error(n.loc.offset,
            "the excuse \"" + n.id +
                "\" has no speaker, so it reads as the player's, and the player is targeted",
            std::string("name who makes the excuse with \"speaker\", or ") + kThoughtFix);
    }
  }

  void check_outcome(const Node& n, bool player_targeted) {
    const Outcome o = n.as<EndingBody>().outcome;
    if (o == Outcome::Skipped || is_supported_family(o) == player_targeted) return;
    const std::string name(name_of(o));
    if (player_targeted) {
      out_.report(
          source_, n.loc.offset, Severity::Error, codes::kOutcomeFamily, pointers_.at(n.loc),
          "the ending \"" + n.id + "\" has the outcome \"" + name +
              "\", but the player is the person targeted: their choices never decide the harm",
          "use \"supported\", \"partly_supported\" or \"not_yet_supported\" (how far help reached "
          "them)");
    } else {
      out_.report(source_, n.loc.offset, Severity::Error, codes::kOutcomeFamily,
                  pointers_.at(n.loc),
                  "the ending \"" + n.id + "\" has the outcome \"" + name +
                      "\", which is for stories whose player is targeted, and \"targeted\" does "
                      "not list the player \"" +
                      s_.player.id + "\"",
                  "use \"upstander\", \"mixed\" or \"harm\", or add \"" + s_.player.id +
                      "\" to \"targeted\"");
    }
  }

  const Scenario& s_;
  const SourceText& source_;
  Diagnostics& out_;
  PointerIndex pointers_;
};

}  // namespace

void check_roles(const Scenario& s, const SourceText& source, Diagnostics& out) {
  RoleChecker(s, source, out).run();
}

}  // namespace upstander
