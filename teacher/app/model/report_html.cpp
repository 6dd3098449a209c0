// Writing the report section by section.
#include "report_html.hpp"

#include "session_title.hpp"

#include <cstdio>
#include <sstream>

#include "cell_words.hpp"
#include "norm_line.hpp"
#include "time_text.hpp"

namespace upstander::dashboard {

namespace {

const char* css_class(const Cell& c) {
  switch (c.shown) {
    case Shown::Count: return "count";
    case Shown::FewerThanK: return "fewer";
    case Shown::Hidden: return "hidden";
  }
  return "hidden";
}

class Report {
 public:
  Report(const Summary& s, const DashboardText& t, const DiscussionGuide& g)
      : s_(s), t_(t), g_(g) {}

  std::string build() {
    head();
    stages();
    for (const auto& sc : s_.scenarios) scenario(sc);
    survey();
    o_ << "<p class=\"note\">" << esc(t_("teacher.report.privacy", {{"k", std::to_string(s_.k)}}))
       << "</p>\n</body>\n</html>\n";
    return o_.str();
  }

 private:
  std::string esc(const std::string& v) { return html_escape(v); }
  std::string cell(const Cell& c) { return cell_words(c, s_.k, t_); }

  void head() {
    o_ << "<!DOCTYPE html>\n<html lang=\"" << esc(t_.language())
       << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<title>" << esc(t_("teacher.report.title")) << "</title>\n<style>\n"
       << "body{font-family:'Nanum Gothic','Noto Sans KR',sans-serif;margin:2em;color:#222}\n"
       << "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #999;padding:4px 8px;text-align:left}\n"
       << "td.count{text-align:right}td.fewer,td.hidden{color:#555;font-style:italic}\n"
       << ".note{color:#444;font-size:0.9em}h2{page-break-before:auto}@media print{h2{page-break-after:avoid}}\n"
       << "</style>\n</head>\n<body>\n<h1>" << esc(t_("teacher.report.title")) << "</h1>\n<p>"
       << esc(t_("teacher.report.session", {{"title", session_title(s_.session, t_)},
                                            {"language", s_.session.language},
                                            {"k", std::to_string(s_.k)}}))
       << "</p>\n";
  }

  void row_table(const std::string& heading, const Row& r, const std::string& tag) {
    o_ << "<table>\n<tr><th>" << esc(heading) << "</th><th>" << esc(t_("teacher.report.count"))
       << "</th></tr>\n";
    for (const auto& c : r.cells) {
      o_ << "<tr><td>" << esc(c.text.empty() ? c.id : c.text) << "</td><td class=\"" << css_class(c)
         << "\" data-cell=\"" << esc(tag + "/" + c.id) << "\">" << esc(cell(c)) << "</td></tr>\n";
    }
    o_ << "<tr><th>" << esc(t_("teacher.report.total")) << "</th><td class=\"" << css_class(r.total)
       << "\" data-cell=\"" << esc(tag + "/(total)") << "\">" << esc(cell(r.total))
       << "</td></tr>\n</table>\n";
  }

  void stages() {
    o_ << "<h2>" << esc(t_("teacher.report.stages")) << "</h2>\n";
    Row named = s_.stages;
    for (auto& c : named.cells) c.text = t_("teacher.stage." + c.id);
    row_table(t_("teacher.report.stage"), named, "stage");
  }

  void scenario(const ScenarioResults& sc) {
    o_ << "<h2>" << esc(sc.title) << "</h2>\n";
    int n = 0;
    for (const auto& d : sc.decisions) {
      ++n;
      const GuidePoint* gp = g_.find(sc.id, d.node);
      const std::string heading = !d.title.empty() ? d.title : gp ? gp->heading : d.node;
      o_ << "<h3>"
         << esc(t_("teacher.report.decision", {{"n", std::to_string(n)}, {"name", heading}}))
         << "</h3>\n";
      row_table(t_("teacher.report.choice"), d.row, sc.id + "/" + d.node);
      if (const auto line = norm_line(d.row, s_.k)) {
        o_ << "<p>" << esc(norm_sentence(*line, t_)) << "</p>\n";
      }
    }
    o_ << "<h3>" << esc(t_("teacher.report.endings")) << "</h3>\n";
    row_table(t_("teacher.report.ending"), endings_with_outcomes(sc.endings, t_),
              sc.id + "/endings");
    if (sc.skipped) {
      o_ << "<p>" << esc(t_("teacher.live.skipped", {{"count", cell_words(*sc.skipped, s_.k, t_)}}))
         << "</p>\n";
    }
    for (const auto& r : sc.reflections) {
      o_ << "<h3>" << esc(r.question) << "</h3>\n";
      if (r.scale)
        o_ << "<p>"
           << esc(t_("teacher.report.scale_mean", {{"mean", mean_words(r.value, s_.k, t_)}}))
           << "</p>\n";
      else
        row_table(t_("teacher.report.answer"), r.row, sc.id + "/" + r.node);
      if (r.skipped)
        o_ << "<p class=\"note\">"
           << esc(t_("teacher.live.question_skipped",
                     {{"count", cell_words(*r.skipped, s_.k, t_)}}))
           << "</p>\n";
    }
  }

  // Each statement as students saw it (both forms: half the class had each before play),
  // which answer is the good one, the raw answers before and after, and the change toward
  // the good answer.
  void survey() {
    if (s_.survey.empty()) return;
    o_ << "<h2>" << esc(t_("teacher.report.survey")) << "</h2>\n";
    question_table(s_.survey, false);
    o_ << "<p class=\"note\">" << esc(t_("teacher.survey.scale_note")) << "</p>\n";
    if (!s_.survey_goals.empty()) {
      o_ << "<h3>" << esc(t_("teacher.survey.goals")) << "</h3>\n<table>\n<tr><th>"
         << esc(t_("teacher.report.goal")) << "</th><th>" << esc(t_("teacher.survey.before"))
         << "</th><th>" << esc(t_("teacher.survey.after")) << "</th><th>"
         << esc(t_("teacher.survey.shift")) << "</th></tr>\n";
      for (const auto& g : s_.survey_goals) {
        o_ << "<tr><td>" << esc(t_("teacher.goal." + g.goal)) << "</td><td data-cell=\"goal/"
           << esc(g.goal) << "/pre\">" << esc(value_words(g.pre)) << "</td><td data-cell=\"goal/"
           << esc(g.goal) << "/post\">" << esc(value_words(g.post)) << "</td><td>"
           << esc(shift_words(g.shift)) << "</td></tr>\n";
      }
      o_ << "</table>\n";
    }
    if (!s_.discernment) return;
    const DiscernmentResult& d = *s_.discernment;
    o_ << "<h3>" << esc(t_("teacher.survey.discernment")) << "</h3>\n<p data-cell=\"discernment\">"
       << esc(t_("teacher.survey.discernment_score",
                 {{"before", value_words(d.pre)}, {"after", value_words(d.post)}}))
       << " " << esc(shift_words(d.shift)) << "</p>\n<p class=\"note\">"
       << esc(t_("teacher.survey.discernment_note")) << "</p>\n";
    question_table(d.vignettes, true);
  }

  void question_table(const std::vector<SurveyResult>& items, bool vignettes) {
    o_ << "<table>\n<tr><th>" << esc(t_("teacher.report.item")) << "</th><th>"
       << esc(t_("teacher.report.good_answer")) << "</th><th>" << esc(t_("teacher.survey.before"))
       << "</th><th>" << esc(t_("teacher.survey.after")) << "</th><th>"
       << esc(t_("teacher.report.toward_good")) << "</th></tr>\n";
    const std::string kind = vignettes ? "vignette/" : "survey/";
    for (const auto& i : items) {
      const char* good =
          vignettes
              ? (i.disagree_is_good ? "teacher.survey.good_not_ok" : "teacher.survey.good_ok")
              : (i.disagree_is_good ? "teacher.survey.good_disagree" : "teacher.survey.good_agree");
      o_ << "<tr><td>A: " << esc(i.text_a) << "<br>B: " << esc(i.text_b) << "</td><td data-cell=\""
         << kind << esc(i.id) << "/good\">" << esc(t_(good)) << "</td><td data-cell=\"" << kind
         << esc(i.id) << "/pre\">" << esc(mean_words(MeanValue{i.pre.n, i.pre_raw}, s_.k, t_))
         << "</td><td data-cell=\"" << kind << esc(i.id) << "/post\">"
         << esc(mean_words(MeanValue{i.post.n, i.post_raw}, s_.k, t_)) << "</td><td data-cell=\""
         << kind << esc(i.id) << "/shift\">" << esc(shift_words(i.shift)) << "</td></tr>\n";
    }
    o_ << "</table>\n";
  }

  std::string value_words(const std::optional<double>& v) const {
    if (!v) return t_("teacher.cell.hidden");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *v);
    return buf;
  }

  const Summary& s_;
  const DashboardText& t_;
  const DiscussionGuide& g_;
  std::ostringstream o_;
};

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string report_html(const Summary& s, const DashboardText& text, const DiscussionGuide& guide) {
  return Report(s, text, guide).build();
}

}  // namespace upstander::dashboard
