// The codes whose content the scenario model keeps as written (see the header).
#include "upstander/author/load_fidelity.hpp"

#include <array>
#include <string_view>

#include "upstander/diagnostic_codes.hpp"

namespace upstander::author {

namespace {

// An allow-list, so a code added to the engine later counts as lossy until someone checks.
constexpr std::array kKept = {
    codes::kByteOrderMark,
    codes::kMissingField,
    codes::kMissingTranslation,
    codes::kEmptyText,
    codes::kTextTooLong,
    codes::kImageWithoutLabel,
    codes::kFactWithoutSource,
    codes::kDebriefIncomplete,
    codes::kEndingWithoutHelp,
    codes::kRulesWithoutSource,
    codes::kNoWayForward,
    codes::kRouteWithoutDefault,
    codes::kReviewIncomplete,
    codes::kDuplicateId,
    codes::kUnknownNode,
    codes::kUnknownCharacter,
    codes::kUnknownThread,
    codes::kUndefinedVariable,
    codes::kVariableType,
    codes::kSkipOnNonDecision,
    codes::kUnusedVariable,
    codes::kUnusedCharacter,
    codes::kUnknownText,
    codes::kStaleTranslation,
    codes::kUnreachableNode,
    codes::kNoPathToEnding,
    codes::kUnreachableEnding,
    codes::kStuckDecision,
    codes::kChoiceNeverShown,
    codes::kDecisionWithoutSkip,
    codes::kSearchIncomplete,
    // Warnings about what a text holds, and checks of the story's safety and flow: the
    // model keeps the texts, choices and outcomes as written.
    codes::kHtmlInText,
    codes::kTwineMarkupInText,
    codes::kInvisibleCharacter,
    codes::kTooManyChoices,
    codes::kExcuseByTargeted,
    codes::kOutcomeFamily,
    codes::kSkipReachesHarm,
    codes::kSkipLoop,
};

bool has_segment(const std::string& pointer, std::string_view segment) {
  const std::string inner = "/" + std::string(segment) + "/";
  const std::string last = "/" + std::string(segment);
  return pointer.find(inner) != std::string::npos ||
         (pointer.size() >= last.size() &&
          pointer.compare(pointer.size() - last.size(), last.size(), last) == 0);
}

}  // namespace

bool model_keeps(const Diagnostic& d) {
  // A node without a kind keeps only its id and exits; an incomplete condition or effect
  // is dropped whole.
  if (d.code == codes::kMissingField &&
      (has_segment(d.pointer, "kind") || has_segment(d.pointer, "if") ||
       has_segment(d.pointer, "effects"))) {
    return false;
  }
  for (std::string_view code : kKept) {
    if (d.code == code) return true;
  }
  return false;
}

std::vector<Diagnostic> lossy_problems(const Diagnostics& all) {
  std::vector<Diagnostic> out;
  for (const auto& d : all.all()) {
    if (!model_keeps(d)) out.push_back(d);
  }
  return out;
}

}  // namespace upstander::author
