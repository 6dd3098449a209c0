// Filtering what is typed into the join screen's fields.
#include "join_form.hpp"

namespace upstander::app {

namespace {

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool address_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == ':' || c == '-' || c == '[' || c == ']' || c == '/';
}

}  // namespace

bool JoinForm::type(char c) {
  return selected_ == JoinField::Code ? type_code(c) : type_address(c);
}

bool JoinForm::type_code(char c) {
  hint_.clear();
  // Codes are read off a projector as "9H5-DBF" or "9h5 dbf": separators are not symbols.
  if (c == '-' || c == ' ') return false;
  const char u = upper(c);
  if (kJoinCodeAlphabet.find(u) == std::string_view::npos) {
    const bool alnum = (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    if (alnum) hint_ = "game.class.join.code_hint";
    return false;
  }
  if (code_complete()) return false;
  code_.push_back(u);
  return true;
}

bool JoinForm::type_address(char c) {
  hint_.clear();
  if (!address_char(c) || address_.size() >= kMaxAddressLength) return false;
  address_.push_back(c);
  return true;
}

bool JoinForm::erase() {
  hint_.clear();
  std::string& field = selected_ == JoinField::Code ? code_ : address_;
  if (field.empty()) return false;
  field.pop_back();
  return true;
}

void JoinForm::clear() {
  *this = JoinForm();
}

}  // namespace upstander::app
