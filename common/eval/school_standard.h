#pragma once

#include <vector>

#include "common/eval/evaluation_input.h"
#include "common/eval/school_items.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Each school's standard (达标) status (evaluation-method.md section 7): its units meet the
// per-unit resource rule (a merged teaching point is judged by the unit it joined; an excluded one
// has no resource test) and its per-school items (G3-G6, G9, G12, G13, Q3-Q8) hold. fail when
// anything fails, else not_judged when anything is unknown, else pass. `findings` are those
// CollectSchoolFindings gave for the same `schools`, which are sorted by school code with unique
// codes (as EvaluateInto orders the registry). Appended to `out`, in `schools` order.
void SchoolStandards(const std::vector<SchoolRecord>& schools,
                     const google::protobuf::RepeatedPtrField<junheng::v1::LevelResult>& levels,
                     const SchoolFindings& findings,
                     google::protobuf::RepeatedPtrField<junheng::v1::SchoolStandard>* out);

}  // namespace junheng::eval
