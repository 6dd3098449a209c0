// Source links as a student sees them (fact cards, the debrief): without the scheme, and in
// pieces a line may break between, so an address never wraps in the middle of a word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace upstander::app {

// "https://www.law.go.kr/x" -> "www.law.go.kr/x"; only http and https are dropped.
std::string without_scheme(std::string_view url);

// The site alone ("easylaw.go.kr"): one line on a small phone says where a claim is from.
std::string source_site(std::string_view url);

// The address without its scheme, cut after each '/', '.', '?', '&', '=' and '-': joined
// they give it back, and a line may break between any two pieces.
std::vector<std::string> url_segments(std::string_view url);

}  // namespace upstander::app
