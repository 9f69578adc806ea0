#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "common/catalog/fields.h"
#include "google/protobuf/struct.pb.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Status words of items, units, levels and the verdict.
inline constexpr char kPass[] = "pass";
inline constexpr char kFail[] = "fail";
inline constexpr char kNotJudged[] = "not_judged";

// `*field = value` without a temporary std::string: a string field of a reused message keeps its
// capacity, so assigning it allocates nothing once it has held a value this long.
inline void Assign(std::string* field, absl::string_view value) {
  field->assign(value.data(), value.size());
}

// google.protobuf.Value makers for item values and thresholds.
google::protobuf::Value NumberValue(double v);
google::protobuf::Value BoolValue(bool v);
google::protobuf::Value NullValue();
google::protobuf::Value StructValue(
    std::initializer_list<std::pair<absl::string_view, google::protobuf::Value>> fields);
// `out = StructValue(fields)`, built in place (on `out`'s arena when it has one).
void SetStruct(google::protobuf::Value& out,
               std::initializer_list<std::pair<absl::string_view, google::protobuf::Value>> fields);
// The same for a struct of numbers (nullopt: null), without a Value per field to copy.
void SetNumberStruct(google::protobuf::Value& out,
                     std::span<const std::pair<absl::string_view, std::optional<double>>> fields);

// The catalogue of items: G1..G15 (government), Q1..Q9 (quality), SR (social recognition),
// V1..V6 (veto items).
struct ItemInfo {
  absl::string_view id;
  absl::string_view name_zh;
  absl::string_view category;  // government | quality | social | veto
  absl::string_view kind;      // S | C | S->C
};
// The catalogue entry of `id`; the id must be one of the catalogue's.
const ItemInfo& ItemInfoOf(absl::string_view id);

// The county's items, laid out in `items` in catalogue order (reusing the cleared items of a reused
// message), each with its identity and a not_judged status, before any is filled: per-school
// findings are then written straight into their item, and every builder fills the item of its id,
// so the order of the calls cannot misplace one.
class ItemSlots {
 public:
  explicit ItemSlots(google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items);
  // The item of catalogue entry `id`.
  junheng::v1::ItemResult& Of(absl::string_view id);

 private:
  google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items_;
  int first_;
};

void SetNotJudged(junheng::v1::ItemResult& item, absl::string_view reason);
// Sets pass or fail, value and threshold; for a failing "at least" item with numbers the gap is
// threshold - value.
void SetAtLeast(junheng::v1::ItemResult& item, double value, double threshold,
                absl::string_view what);
void SetBool(junheng::v1::ItemResult& item, bool value, bool wanted, absl::string_view field);

// "no county facts for the period" or "county facts <field> not reported".
std::string FactNotReported(absl::string_view field, bool have_facts);

// A county fact's value, or nullopt when there are no county facts or the field is not reported.
std::optional<double> FactNumber(const junheng::v1::CountyFacts* facts,
                                 const catalog::Field<junheng::v1::CountyFacts>& field);
std::optional<bool> FactFlag(const junheng::v1::CountyFacts* facts,
                             const catalog::Field<junheng::v1::CountyFacts>& field);

// An item judged on one county fact: the number at least `min` (G7, G14, Q1, Q2), the flag equal to
// `wanted` (G1, G2, G10; the veto items want false). Not judged when the fact is not reported.
void FactAtLeast(junheng::v1::ItemResult& item, const junheng::v1::CountyFacts* facts,
                 const catalog::Field<junheng::v1::CountyFacts>& field, double min);
void FactYesNo(junheng::v1::ItemResult& item, const junheng::v1::CountyFacts* facts,
               const catalog::Field<junheng::v1::CountyFacts>& field, bool wanted);

// The number formatted for reasons: up to 6 significant digits.
std::string Num(double v);

}  // namespace junheng::eval
