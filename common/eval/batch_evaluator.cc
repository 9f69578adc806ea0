#include "common/eval/batch_evaluator.h"

#include "common/eval/evaluate.h"

namespace junheng::eval {

google::protobuf::ArenaOptions BatchEvaluator::Options(std::vector<char>& block) {
  google::protobuf::ArenaOptions options;
  options.initial_block = block.data();
  options.initial_block_size = block.size();
  return options;
}

BatchEvaluator::BatchEvaluator(size_t reset_bytes)
    : reset_bytes_(reset_bytes),
      block_(reset_bytes),
      arena_(Options(block_)),
      evaluation_(google::protobuf::Arena::CreateMessage<junheng::v1::Evaluation>(&arena_)) {}

absl::StatusOr<const junheng::v1::Evaluation*> BatchEvaluator::Evaluate(
    const EvaluationInput& input, const junheng::v1::Profile& profile) {
  if (arena_.SpaceAllocated() > reset_bytes_) {
    arena_.Reset();
    ++resets_;
    evaluation_ = google::protobuf::Arena::CreateMessage<junheng::v1::Evaluation>(&arena_);
  }
  absl::Status status = EvaluateInto(input, profile, evaluation_);
  if (!status.ok()) return status;
  return evaluation_;
}

}  // namespace junheng::eval
