// The session's state and content answers, to the API's JSON.
#include "upstander/protocol/session_message.hpp"

#include <nlohmann/json.hpp>

namespace upstander::protocol {

std::string encode_session_state(bool collect) {
  return nlohmann::json{{"state", "open"}, {"collect", collect}}.dump();
}

std::string encode_content_answer(const ContentAnswer& a, const std::string& content) {
  nlohmann::json head;
  head["session"] = a.session;
  head["language"] = a.language;
  head["collect"] = a.collect;
  head["ended"] = a.ended;
  std::string body = head.dump();
  body.pop_back();  // the closing brace
  body += ",\"content\":" + content + "}";
  return body;
}

}  // namespace upstander::protocol
