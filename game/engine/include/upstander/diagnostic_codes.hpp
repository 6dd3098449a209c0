// The stable codes of every content diagnostic. Codes never change meaning once shipped:
// authors search for them and CI annotations are keyed on them. FORMAT.md lists them all.
#pragma once

#include <span>
#include <string_view>

#include "upstander/diagnostic.hpp"

namespace upstander::codes {

// Reading the file
inline constexpr std::string_view kIoError = "io-error";
inline constexpr std::string_view kFileTooLarge = "file-too-large";
inline constexpr std::string_view kByteOrderMark = "byte-order-mark";
inline constexpr std::string_view kInvalidUtf8 = "invalid-utf8";
inline constexpr std::string_view kJsonSyntax = "json-syntax";
inline constexpr std::string_view kNumberTooLarge = "number-too-large";
inline constexpr std::string_view kTooDeep = "too-deep";
inline constexpr std::string_view kUnknownFileType = "unknown-file-type";
inline constexpr std::string_view kFormatVersion = "format-version";

// Shape of each file
inline constexpr std::string_view kUnknownKey = "unknown-key";
inline constexpr std::string_view kDuplicateKey = "duplicate-key";
inline constexpr std::string_view kWrongType = "wrong-type";
inline constexpr std::string_view kMissingField = "missing-field";
inline constexpr std::string_view kBadValue = "bad-value";
inline constexpr std::string_view kBadId = "bad-id";
inline constexpr std::string_view kConflictingFields = "conflicting-fields";
inline constexpr std::string_view kMissingTranslation = "missing-translation";
inline constexpr std::string_view kUndeclaredLocale = "undeclared-locale";
inline constexpr std::string_view kEmptyText = "empty-text";
inline constexpr std::string_view kTextTooLong = "text-too-long";
inline constexpr std::string_view kHtmlInText = "html-in-text";
inline constexpr std::string_view kTwineMarkupInText = "twine-markup-in-text";
inline constexpr std::string_view kInvisibleCharacter = "invisible-character";
inline constexpr std::string_view kTooManyChoices = "too-many-choices";
inline constexpr std::string_view kImageWithoutLabel = "image-without-label";
inline constexpr std::string_view kFactWithoutSource = "fact-without-source";
inline constexpr std::string_view kBadUrl = "bad-url";
inline constexpr std::string_view kDebriefIncomplete = "debrief-incomplete";
inline constexpr std::string_view kEndingWithoutHelp = "ending-without-help";
inline constexpr std::string_view kRulesWithoutSource = "rules-without-source";
inline constexpr std::string_view kNoWayForward = "no-way-forward";
inline constexpr std::string_view kRouteWithoutDefault = "route-without-default";
inline constexpr std::string_view kReviewIncomplete = "review-incomplete";

// Links between parts of a scenario
inline constexpr std::string_view kDuplicateId = "duplicate-id";
inline constexpr std::string_view kUnknownNode = "unknown-node";
inline constexpr std::string_view kUnknownCharacter = "unknown-character";
inline constexpr std::string_view kUnknownThread = "unknown-thread";
inline constexpr std::string_view kUndefinedVariable = "undefined-variable";
inline constexpr std::string_view kVariableType = "variable-type";
inline constexpr std::string_view kSkipOnNonDecision = "skip-on-non-decision";
inline constexpr std::string_view kUnusedVariable = "unused-variable";
inline constexpr std::string_view kUnusedCharacter = "unused-character";

// Who is targeted ("targeted"): excuses and outcomes
inline constexpr std::string_view kExcuseByTargeted = "excuse-by-targeted";
inline constexpr std::string_view kOutcomeFamily = "outcome-family";

// Translation records ("translations")
inline constexpr std::string_view kUnknownText = "unknown-text";
inline constexpr std::string_view kStaleTranslation = "stale-translation";

// The flow of a scenario
inline constexpr std::string_view kUnreachableNode = "unreachable-node";
inline constexpr std::string_view kNoPathToEnding = "no-path-to-ending";
inline constexpr std::string_view kUnreachableEnding = "unreachable-ending";
inline constexpr std::string_view kStuckDecision = "stuck-decision";
inline constexpr std::string_view kChoiceNeverShown = "choice-never-shown";
inline constexpr std::string_view kDecisionWithoutSkip = "decision-without-skip";
inline constexpr std::string_view kSkipReachesHarm = "skip-reaches-harm";
inline constexpr std::string_view kSkipLoop = "skip-loop";
inline constexpr std::string_view kSearchIncomplete = "search-incomplete";

// Surveys, help resources and UI strings
inline constexpr std::string_view kSurveyGoalMissing = "survey-goal-missing";
inline constexpr std::string_view kSurveyTwinMissing = "survey-twin-missing";
inline constexpr std::string_view kSurveyTwinIdentical = "survey-twin-identical";
inline constexpr std::string_view kVignetteKeyMissing = "vignette-key-missing";
inline constexpr std::string_view kDiscernmentUnbalanced = "discernment-unbalanced";
inline constexpr std::string_view kHelpWithoutContact = "help-without-contact";
inline constexpr std::string_view kHelpWithoutSource = "help-without-source";
inline constexpr std::string_view kMissingFallbackCountry = "missing-fallback-country";
inline constexpr std::string_view kLocaleKeyMissing = "locale-key-missing";
inline constexpr std::string_view kPlaceholderMismatch = "placeholder-mismatch";

// The checker itself
inline constexpr std::string_view kTooManyProblems = "too-many-problems";

struct CodeInfo {
  std::string_view code;
  Severity severity;
  std::string_view summary;
};

// Every code with its severity and a one-line summary, in documentation order.
std::span<const CodeInfo> all_codes();

}  // namespace upstander::codes
