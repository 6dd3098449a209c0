// The join request and answer, to and from the API's JSON.
#include "upstander/protocol/join_message.hpp"

#include <nlohmann/json.hpp>

namespace upstander::protocol {

std::string encode_join_request(std::string_view code) {
  return nlohmann::json{{"code", std::string(code)}}.dump();
}

std::string encode_join_answer(const JoinAnswer& a, const std::string& content) {
  nlohmann::json head;
  head["session"] = a.session;
  head["token"] = a.token;
  head["pseudonym"] = {{"adjective", a.pseudonym.adjective},
                       {"animal", a.pseudonym.animal},
                       {"number", a.pseudonym.number}};
  head["language"] = a.language;
  head["collect"] = a.collect;
  head["survey_order"] = std::string(name_of(a.survey_order));
  // The content is the bulk of the answer and already serialized: splice, do not parse.
  std::string body = head.dump();
  body.pop_back();  // the closing brace
  body += ",\"content\":" + content + "}";
  return body;
}

Result<JoinAnswer, Error<JoinAnswerError>> decode_join_answer(std::string_view body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("token") || !j["token"].is_string() || !j.contains("session") ||
      !j["session"].is_string()) {
    return fail(Error<JoinAnswerError>{JoinAnswerError::NoToken, "the join answer lacks a token"});
  }
  JoinAnswer out;
  out.session = j["session"].get<std::string>();
  out.token = j["token"].get<std::string>();
  out.language = j.value("language", "");
  out.collect = j.value("collect", true);
  if (j.contains("survey_order") && j["survey_order"].is_string()) {
    out.survey_order =
        parse_survey_order(j["survey_order"].get<std::string>()).value_or(SurveyOrder::AB);
  }
  if (j.contains("pseudonym") && j["pseudonym"].is_object()) {
    const auto& p = j["pseudonym"];
    out.pseudonym = {p.value("adjective", ""), p.value("animal", ""), p.value("number", 0)};
  }
  if (!j.contains("content"))
    return fail(Error<JoinAnswerError>{JoinAnswerError::BadContent, "the server sent no content"});
  auto content = decode_content(j["content"]);
  if (!content) return fail(Error<JoinAnswerError>{JoinAnswerError::BadContent, content.error()});
  out.content_hash = std::move(content->hash);
  out.files = std::move(content->files);
  return out;
}

}  // namespace upstander::protocol
