#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
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
google::protobuf::Value StringValue(absl::string_view v);
google::protobuf::Value NullValue();
google::protobuf::Value StructValue(
    std::initializer_list<std::pair<absl::string_view, google::protobuf::Value>> fields);
// `out = StructValue(fields)`, built in place (on `out`'s arena when it has one).
void SetStruct(google::protobuf::Value& out,
               std::initializer_list<std::pair<absl::string_view, google::protobuf::Value>> fields);
// The same for a struct of numbers (nullopt: null), without a Value per field to copy.
void SetNumberStruct(
    google::protobuf::Value& out,
    std::initializer_list<std::pair<absl::string_view, std::optional<double>>> fields);
// `to = from`, with numbers, booleans and nulls set directly.
void CopyValue(const google::protobuf::Value& from, google::protobuf::Value& to);

// The catalogue of items: G1..G15 (government), Q1..Q9 (quality), SR (social recognition),
// V1..V6 (veto items).
struct ItemInfo {
  absl::string_view id;
  absl::string_view name_zh;
  absl::string_view category;  // government | quality | social | veto
  absl::string_view kind;      // S | C | S->C
};
// Every item in report order.
std::span<const ItemInfo> ItemCatalog();
// The catalogue entry of `id`; the id must be one of the catalogue's.
const ItemInfo& ItemInfoOf(absl::string_view id);

// The county's items in catalogue order. They are laid out in `items` (reusing the cleared items of
// a reused message) before any is filled, so that per-school findings are written straight into
// their item; the item builders then take them in catalogue order with Next().
class ItemSlots {
 public:
  explicit ItemSlots(google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items);
  // The item of catalogue entry `id`.
  junheng::v1::ItemResult& Of(absl::string_view id);
  // The next item in catalogue order.
  junheng::v1::ItemResult& Next();

 private:
  google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items_;
  int first_;
  int next_;
};

// A new item with its identity; value, threshold and gap start as null and status as not_judged.
junheng::v1::ItemResult MakeItem(absl::string_view id);
// The same, filling a fresh `item` in place (which may live on an arena).
void InitItem(junheng::v1::ItemResult& item, absl::string_view id);

void SetNotJudged(junheng::v1::ItemResult& item, absl::string_view reason);
// Sets pass or fail, value and threshold; for a failing "at least" item with numbers the gap is
// threshold - value.
void SetAtLeast(junheng::v1::ItemResult& item, double value, double threshold,
                absl::string_view what);
void SetBool(junheng::v1::ItemResult& item, bool value, bool wanted, absl::string_view field);

// "no county facts for the period" or "county facts <field> not reported".
std::string FactNotReported(absl::string_view field, bool have_facts);

// The number formatted for reasons: up to 6 significant digits.
std::string Num(double v);

}  // namespace junheng::eval
