// One fetch() of /api/v1/previews/TOKEN, without the page's cookies.
#include "preview_pack.hpp"

#include <filesystem>
#include <fstream>

#include "fetch_transport.hpp"

namespace upstander::app {

namespace {
constexpr const char* kPackFile = "/preview/pack.json";

// The server's tokens are 32 hex digits; anything else is not sent anywhere.
bool plain_token(const std::string& t) {
  if (t.size() != 32) return false;
  for (char c : t)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}
}  // namespace

PreviewPack::PreviewPack(std::string token)
    : transport_(std::make_unique<client::web::FetchTransport>()) {
  if (!plain_token(token)) {
    done_ = true;
    return;
  }
  transport_->start({{}, "GET", "/api/v1/previews/" + token, "", ""});
}

bool PreviewPack::poll() {
  if (done_) return true;
  const auto reply = transport_->take();
  if (!reply) return false;
  done_ = true;
  if (!reply->reached || reply->status != 200) return true;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(kPackFile).parent_path(), ec);
  std::ofstream(kPackFile, std::ios::binary) << reply->body;
  content_ = {kPackFile, "/content/locale", "/content/help"};
  return true;
}

}  // namespace upstander::app
