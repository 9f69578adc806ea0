#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/eval/evaluation_input.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The per-school findings of one S item (see school_items.h): how many schools were judged, and the
// findings of those that fail or could not be judged (passing schools are counted, not listed), in
// registry order.
struct ItemFindings {
  ItemFindings() = default;
  ItemFindings(const ItemFindings&) = delete;
  ItemFindings& operator=(const ItemFindings&) = delete;
  // Deletes the heap findings not moved into an item.
  ~ItemFindings();

  int schools = 0;
  // Allocated on `arena` (the Evaluation's, so that moving them into their item costs nothing), or
  // on the heap and owned here when `arena` is nullptr, until moved into an item.
  std::vector<junheng::v1::SchoolFinding*> listed;
  // For each listed finding, the index of its school in the county's school records.
  std::vector<size_t> school_index;
  google::protobuf::Arena* arena = nullptr;
};

// Moves every listed finding into `item`'s schools, in order.
void TakeListed(ItemFindings& findings, junheng::v1::ItemResult& item);

// Per-school findings of the S items, by item id.
using SchoolFindings = std::map<std::string, ItemFindings>;

// G1-G15 (evaluation-method.md section 3). C items read the county facts (nullptr: none entered);
// S items aggregate `findings`, whose listed findings are moved into the items; G9, G12 and G13 are
// county-wide rates summed over the school reports. An unreported input makes the item not_judged
// with a reason naming the field.
// Appended to `items`, in catalogue order.
void GovernmentItems(const std::vector<SchoolRecord>& schools,
                     const junheng::v1::CountyFacts* facts, SchoolFindings& findings,
                     const junheng::v1::Profile& profile,
                     google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items);

}  // namespace junheng::eval
