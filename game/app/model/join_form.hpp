// What a student types on the join screen: the class code (six symbols that cannot be
// mistaken for each other on a projector, always shown upper case) and, only where
// discovery cannot find the server, its address.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace upstander::app {

// The server's join code alphabet (teacher/server/src/join_code.hpp; a test keeps the two
// equal): no 0/O, 1/I/L or U/V look-alikes.
inline constexpr std::string_view kJoinCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kJoinCodeLength = 6;
inline constexpr std::size_t kMaxAddressLength = 64;

enum class JoinField { Code, Address };

class JoinForm {
 public:
  // Types one character into the selected field. False when it cannot go there; a
  // character that can never be in a code also sets hint().
  bool type(char c);
  // Deletes the last character of the selected field.
  bool erase();
  void select(JoinField f) { selected_ = f; }
  JoinField selected() const { return selected_; }
  void clear();

  const std::string& code() const { return code_; }
  const std::string& address() const { return address_; }
  bool code_complete() const { return code_.size() == kJoinCodeLength; }
  // A locale key about the last character typed ("that letter is never in a code"), or "".
  const std::string& hint() const { return hint_; }

 private:
  bool type_code(char c);
  bool type_address(char c);

  JoinField selected_ = JoinField::Code;
  std::string code_;
  std::string address_;
  std::string hint_;
};

}  // namespace upstander::app
