#include "common/eval/indicators.h"

namespace junheng::eval {

void ToMessage(const IndicatorArray& values, junheng::v1::IndicatorValues* out) {
  out->Clear();
  if (values[0]) out->set_l1(*values[0]);
  if (values[1]) out->set_l2(*values[1]);
  if (values[2]) out->set_l3(*values[2]);
  if (values[3]) out->set_l4(*values[3]);
  if (values[4]) out->set_l5(*values[4]);
  if (values[5]) out->set_l6(*values[5]);
  if (values[6]) out->set_l7(*values[6]);
}

IndicatorArray FromMessage(const junheng::v1::IndicatorValues& values) {
  IndicatorArray out;
  const google::protobuf::Reflection* reflection = values.GetReflection();
  const google::protobuf::Descriptor* descriptor = values.GetDescriptor();
  for (int i = 0; i < kIndicatorCount; ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (reflection->HasField(values, field)) out[i] = reflection->GetDouble(values, field);
  }
  return out;
}

}  // namespace junheng::eval
