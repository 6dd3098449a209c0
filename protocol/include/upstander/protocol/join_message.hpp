// Joining a class (POST kJoinPath): the request {"code"} and the answer that seats the
// student: the session, the student's token, a pseudonym, the language, whether answers
// are collected, the survey's order for this seat, and the content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "upstander/protocol/content_message.hpp"
#include "upstander/result.hpp"
#include "upstander/survey.hpp"

namespace upstander::protocol {

// Word ids the game looks up in content/locale/*.json: game.pseudonym.adjective.<id>,
// game.pseudonym.animal.<id>, joined by the pattern game.pseudonym.format.
struct Pseudonym {
  std::string adjective;
  std::string animal;
  int number = 0;  // 10-99
};

std::string encode_join_request(std::string_view code);

struct JoinAnswer {
  std::string session;  // the session's public id
  std::string token;    // the student's bearer token for the student endpoints
  Pseudonym pseudonym;
  std::string language;
  bool collect = true;
  SurveyOrder survey_order = SurveyOrder::AB;  // a server that assigns none: A before play
  std::string content_hash;
  std::vector<ServedFile> files;
};

// The answer with `content` (encode_content(), the same for every student of a session)
// spliced in as it is; the answer's own files and hash are not used.
std::string encode_join_answer(const JoinAnswer& answer, const std::string& content);

enum class JoinAnswerError { NoToken, BadContent };
// Reads an answer; the error's message says what was wrong, for logs.
Result<JoinAnswer, Error<JoinAnswerError>> decode_join_answer(std::string_view body);

}  // namespace upstander::protocol
