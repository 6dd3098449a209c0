// Downloads and the report's tab through EM_JS. Both happen within a second of the
// teacher's click (a CSV waits for the server's answer), which the browser still counts as
// the click's: no pop-up blocker and no download prompt in the way.
#include "browser_exports.hpp"

#include <emscripten.h>

// clang-format off
EM_JS(void, upstander_download, (const char* name, const char* body, const char* type), {
  const blob = new Blob([UTF8ToString(body)], { type: UTF8ToString(type) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
});

// 1 when the tab opened, 0 when the browser refused it.
EM_JS(int, upstander_open_report, (const char* html), {
  const blob = new Blob([UTF8ToString(html)], { type: "text/html;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const tab = window.open(url, "_blank");
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return tab ? 1 : 0;
});
// clang-format on

namespace upstander::dashboard::web {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

SavedExport save_in_browser(const std::string& file_name, const std::string& body) {
  if (ends_with(file_name, ".html") && upstander_open_report(body.c_str()) == 1)
    return {true, file_name, "teacher.export.report_opened"};
  // A CSV, the JSON, or a report whose tab the browser blocked: a file in Downloads.
  const char* type = ends_with(file_name, ".csv")    ? "text/csv;charset=utf-8"
                     : ends_with(file_name, ".json") ? "application/json"
                                                     : "text/html;charset=utf-8";
  upstander_download(file_name.c_str(), body.c_str(), type);
  return {true, file_name, "teacher.export.downloaded"};
}

}  // namespace upstander::dashboard::web
