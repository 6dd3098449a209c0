// What a seated student asks about the session: its state (GET kStudentSessionPath, asked
// every few seconds when idle) and its content again (GET kStudentContentPath).
#pragma once

#include <string>

namespace upstander::protocol {

// {"state": "open", "collect": ...}; an ended session answers 410 instead.
std::string encode_session_state(bool collect);

struct ContentAnswer {
  std::string session;
  std::string language;
  bool collect = true;
  bool ended = false;
};
// The answer with `content` (encode_content()) spliced in as it is.
std::string encode_content_answer(const ContentAnswer& answer, const std::string& content);

}  // namespace upstander::protocol
