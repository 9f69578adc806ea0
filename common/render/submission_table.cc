#include "common/render/submission_table.h"

#include "common/i18n/bureau_messages.h"
#include "common/i18n/client_messages.h"

namespace junheng::render {
namespace {

using i18n::Say;
namespace msg = i18n::bureau;

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace

std::string StateText(absl::string_view state) {
  namespace client = i18n::client;
  if (state == "not_submitted") return Say(client::kStateNotSubmitted);
  if (state == "on_time") return Say(client::kStateOnTime);
  if (state == "late") return Say(client::kStateLate);
  if (state == "returned") return Say(client::kStateReturned);
  if (state == "accepted") return Say(client::kStateAccepted);
  if (state == "reopened") return Say(client::kStateReopened);
  return std::string(state);
}

std::string SubmissionStateText(const junheng::v1::SchoolSubmission& s) {
  if (s.state() == "incomplete") {
    return Say(i18n::client::kStateIncomplete, s.missing_fields_size());
  }
  return StateText(s.state());
}

table::Table SubmissionTable(
    const google::protobuf::RepeatedPtrField<junheng::v1::SchoolSubmission>& schools,
    bool with_contacts) {
  table::Table t;
  t.sheet_name = with_contacts ? "催报名单" : "报送情况";
  t.columns = {{"school_code", Say(i18n::client::kColSchoolCode)},
               {"school_name", Say(msg::kColSchoolName)},
               {"state", Say(msg::kColState)}};
  if (with_contacts) {
    t.columns.push_back({"contact_name", Say(msg::kColContact)});
    t.columns.push_back({"contact_phone", Say(msg::kColPhone)});
  } else {
    t.columns.push_back({"latest_version", Say(i18n::client::kColVersion), 0});
    t.columns.push_back({"received", Say(msg::kColLastReceived)});
    t.columns.push_back({"submitter", Say(i18n::client::kColSubmitter)});
    t.columns.push_back({"review_comment", Say(msg::kColReviewComment)});
  }
  for (const auto& s : schools) {
    std::vector<table::Cell> row = {table::Cell::Of(s.school_code()),
                                    table::Cell::Of(s.school_name()),
                                    table::Cell::Of(SubmissionStateText(s))};
    if (with_contacts) {
      row.push_back(table::Cell::Of(OrDash(s.contact_name())));
      row.push_back(table::Cell::Of(OrDash(s.contact_phone())));
    } else {
      row.push_back(s.latest_version() ? table::Cell::Of(static_cast<double>(s.latest_version()))
                                       : table::Cell::Of("-"));
      row.push_back(table::Cell::Of(OrDash(s.received())));
      row.push_back(table::Cell::Of(OrDash(s.submitter())));
      row.push_back(table::Cell::Of(s.review_comment()));
    }
    t.AddRow(std::move(row));
  }
  return t;
}

}  // namespace junheng::render
