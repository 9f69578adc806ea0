#include "common/eval/batch_evaluator.h"

#include "common/eval/evaluate.h"

namespace junheng::eval {

google::protobuf::ArenaOptions BatchEvaluator::Options(char* block, size_t size) {
  google::protobuf::ArenaOptions options;
  options.initial_block = block;
  options.initial_block_size = size;
  return options;
}

// The block is default-initialised, not zeroed: the arena writes before it reads, and untouched
// pages of a fresh allocation cost nothing until the evaluations reach them (a zeroed 32 MiB
// block cost each short-lived evaluator, e.g. one page of EvaluateRegion, about 0.1 s).
BatchEvaluator::BatchEvaluator(size_t reset_bytes)
    : reset_bytes_(reset_bytes),
      block_(new char[reset_bytes]),
      arena_(Options(block_.get(), reset_bytes)),
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
