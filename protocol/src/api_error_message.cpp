// The API's error body, to and from JSON.
#include "upstander/protocol/api_error_message.hpp"

#include <nlohmann/json.hpp>

namespace upstander::protocol {

std::string encode_api_error(std::string_view code, std::string_view message) {
  return encode_api_error(code, message, nlohmann::json());
}

std::string encode_api_error(std::string_view code, std::string_view message,
                             const nlohmann::json& details) {
  nlohmann::json e = {{"code", code}, {"message", message}};
  if (!details.is_null()) e["details"] = details;
  return nlohmann::json{{"error", std::move(e)}}.dump(-1, ' ', false,
                                                      nlohmann::json::error_handler_t::replace);
}

ApiError decode_api_error(std::string_view body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object()) return {};
  const auto text = [&j](const char* pointer) {
    const auto p = nlohmann::json::json_pointer(pointer);
    return j.contains(p) && j[p].is_string() ? j[p].get<std::string>() : std::string();
  };
  const auto details = nlohmann::json::json_pointer("/error/details");
  return {text("/error/code"), text("/error/message"), j.contains(details) ? j[details] : nullptr,
          text("/error/details/pointer")};
}

}  // namespace upstander::protocol
