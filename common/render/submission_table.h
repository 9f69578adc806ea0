#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "common/table/table.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "junheng/v1/bureau.pb.h"

namespace junheng::render {

// A school's submission state ("on_time", "returned", ...) in the reader's language.
std::string StateText(absl::string_view state);
// A school's state as its row shows it: an incomplete one with how many fields are empty.
std::string SubmissionStateText(const junheng::v1::SchoolSubmission& submission);

// Schools and their submission state: the status listing (version, received, submitter, review
// comment), or with contacts the reminder list. `junheng status|remind` and the web console's
// downloads print this one table.
table::Table SubmissionTable(
    const google::protobuf::RepeatedPtrField<junheng::v1::SchoolSubmission>& schools,
    bool with_contacts);

}  // namespace junheng::render
