// The table behind `upstander-content codes` and the list in FORMAT.md.
#include "upstander/diagnostic_codes.hpp"

#include <array>

namespace upstander::codes {

namespace {
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

constexpr std::array kCodes = {
    CodeInfo{kIoError, E, "the file cannot be read"},
    CodeInfo{kFileTooLarge, E, "the file is larger than the per-file limit"},
    CodeInfo{kByteOrderMark, E, "the file starts with a UTF-8 byte-order mark"},
    CodeInfo{kInvalidUtf8, E, "the file is not valid UTF-8"},
    CodeInfo{kJsonSyntax, E, "the file is not valid JSON"},
    CodeInfo{kNumberTooLarge, E,
             "a number too large for any field (1e400, 99999999999999999999999)"},
    CodeInfo{kTooDeep, E, "the data is nested too deeply"},
    CodeInfo{kUnknownFileType, E, "\"type\" is missing or not scenario, survey, help or locale"},
    CodeInfo{kFormatVersion, E, "\"format_version\" is not one this version of Upstander reads"},
    CodeInfo{kUnknownKey, E, "a key that this object does not have (often a typo)"},
    CodeInfo{kDuplicateKey, E, "the same key twice in one object"},
    CodeInfo{kWrongType, E, "a value of the wrong type"},
    CodeInfo{kMissingField, E, "a required field is missing"},
    CodeInfo{kBadValue, E, "a value outside the allowed values or range"},
    CodeInfo{kBadId, E, "an id with characters other than a-z, 0-9, - and _"},
    CodeInfo{kConflictingFields, E, "fields that cannot be used together"},
    CodeInfo{kMissingTranslation, E, "a text lacks one of the declared locales"},
    CodeInfo{kUndeclaredLocale, E, "a text has a locale the file does not declare"},
    CodeInfo{kEmptyText, E, "a text is empty"},
    CodeInfo{kTextTooLong, W, "a text is longer than its place on the phone holds"},
    CodeInfo{kHtmlInText, W,
             "a text holds HTML (<b>, <script>, &nbsp;), which the game shows as written"},
    CodeInfo{kTwineMarkupInText, W,
             "a text holds a Twine link [[...]] or macro <<...>>, which the game shows as written"},
    CodeInfo{kInvisibleCharacter, W,
             "a text holds a bidi control or zero-width character that hides or reorders text"},
    CodeInfo{kTooManyChoices, W, "a decision with more choices than the number keys 1-9 can pick"},
    CodeInfo{kImageWithoutLabel, E, "an image card has no label"},
    CodeInfo{kFactWithoutSource, E, "a fact card has no source"},
    CodeInfo{kBadUrl, E, "a source or website is not an http(s) address"},
    CodeInfo{kDebriefIncomplete, E, "an ending lacks one of the three debrief layers"},
    CodeInfo{kEndingWithoutHelp, E, "an ending does not point to help"},
    CodeInfo{kRulesWithoutSource, W, "the rules layer of a debrief states facts without a source"},
    CodeInfo{kNoWayForward, E, "a scene that is not an ending has no next scene and no choices"},
    CodeInfo{kRouteWithoutDefault, E,
             "a route whose last entry has an \"if\", or an entry without \"if\" before the last"},
    CodeInfo{kReviewIncomplete, E, "a reviewed scenario does not say who reviewed it and when"},
    CodeInfo{kDuplicateId, E, "two things of the same kind share an id"},
    CodeInfo{kUnknownNode, E, "a link to a node that does not exist"},
    CodeInfo{kUnknownCharacter, E, "a reference to a character that does not exist"},
    CodeInfo{kUnknownThread, E, "a reference to a chat thread that does not exist"},
    CodeInfo{kUndefinedVariable, E, "a condition or effect names a variable that is not declared"},
    CodeInfo{kVariableType, E, "a flag used as a counter, or a counter as a flag"},
    CodeInfo{kSkipOnNonDecision, E, "\"skip_to\" on a node that has no choices"},
    CodeInfo{kUnusedVariable, W, "a variable that nothing reads"},
    CodeInfo{kUnusedCharacter, W, "a character who never appears"},
    CodeInfo{kExcuseByTargeted, E,
             "an excuse card spoken by the person targeted (their thoughts are \"thought\" cards)"},
    CodeInfo{kOutcomeFamily, E,
             "an ending's outcome does not fit who is targeted (supported... when the player is)"},
    CodeInfo{kUnknownText, W, "a translation record names a text the scenario does not have"},
    CodeInfo{kStaleTranslation, W,
             "a text changed after it was translated; the translation may be out of date"},
    CodeInfo{kUnreachableNode, W, "no path from the start leads to this node"},
    CodeInfo{kNoPathToEnding, E,
             "from this node no path leads to an ending (a loop with no way out)"},
    CodeInfo{kUnreachableEnding, E, "no sequence of choices reaches this ending"},
    CodeInfo{kStuckDecision, E,
             "a decision point where, in some reachable state, no choice is shown"},
    CodeInfo{kChoiceNeverShown, W,
             "a choice whose condition never holds when the student gets there"},
    CodeInfo{kDecisionWithoutSkip, W,
             "a decision point without \"skip_to\", so a student cannot skip it"},
    CodeInfo{kSkipReachesHarm, E,
             "after a skip, a path reaches a harm, mixed or not fully supported ending"},
    CodeInfo{kSkipLoop, E, "a student who skips every scene from here never reaches an ending"},
    CodeInfo{kSearchIncomplete, W, "too many states to check every ending with conditions"},
    CodeInfo{kSurveyGoalMissing, W, "a learning goal that no survey item measures"},
    CodeInfo{kSurveyTwinMissing, E,
             "a survey item or vignette with only one of its two forms (A and B)"},
    CodeInfo{kSurveyTwinIdentical, W, "a survey item whose forms A and B are the same sentence"},
    CodeInfo{kVignetteKeyMissing, E,
             "a vignette without \"key\" (harmful or benign), so it cannot be scored"},
    CodeInfo{kDiscernmentUnbalanced, W,
             "vignettes that are all harmful or all benign, so judgement cannot be scored"},
    CodeInfo{kHelpWithoutContact, E, "a help resource without a phone number or website"},
    CodeInfo{kHelpWithoutSource, E, "a help resource without a source for its details"},
    CodeInfo{kMissingFallbackCountry, E, "the help file lacks the country it falls back to"},
    CodeInfo{kLocaleKeyMissing, E, "a UI string exists in one language file but not another"},
    CodeInfo{kPlaceholderMismatch, E, "a UI string's {placeholders} differ between languages"},
    CodeInfo{kTooManyProblems, E,
             "more problems than are listed (200 per file); the rest are counted, not shown"},
};
}  // namespace

std::span<const CodeInfo> all_codes() {
  return kCodes;
}

}  // namespace upstander::codes
