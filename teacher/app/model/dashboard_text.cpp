// Key lookup in the dashboard language, then English.
#include "dashboard_text.hpp"

namespace upstander::dashboard {

DashboardText::DashboardText(const ContentLibrary& lib, std::string language)
    : lib_(&lib), language_(std::move(language)) {}

std::string DashboardText::operator()(std::string_view key, const TextArgs& args) const {
  for (const std::string_view code : {std::string_view(language_), std::string_view("en")}) {
    const LocaleStrings* table = lib_->locale(code);
    if (const std::string* v = table ? table->find(key) : nullptr)
      return fill_placeholders(*v, args);
  }
  missing_.emplace(key);
  return std::string(key);
}

}  // namespace upstander::dashboard
