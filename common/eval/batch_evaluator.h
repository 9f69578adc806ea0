#pragma once

#include <memory>

#include "absl/status/statusor.h"
#include "common/eval/evaluation_input.h"
#include "google/protobuf/arena.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Evaluates many counties one after another (every county of a province or of the country, every
// period of a scheduled run) with far less allocation than separate Evaluate() calls. Each result
// is built into one Evaluation that lives on an arena and is reused: its repeated parts and their
// strings keep their memory from one county to the next, so evaluating a county mostly writes
// into memory the previous one already had. Parts that Evaluation::Clear() drops (values, and the
// level and item sub-messages without lists) stay on the arena until it is reset,
// which happens once it has grown past a bound (kResetBytes unless the constructor is given
// another); its first block, of that size, is allocated once and kept.
//
// Not thread-safe: use one evaluator per thread.
class BatchEvaluator {
 public:
  // The arena is reset (and the reused message rebuilt) beyond this size by default.
  static constexpr size_t kResetBytes = 32 << 20;

  explicit BatchEvaluator(size_t reset_bytes = kResetBytes);
  BatchEvaluator(const BatchEvaluator&) = delete;
  BatchEvaluator& operator=(const BatchEvaluator&) = delete;

  // The evaluation of `input` against `profile`: the same message and the same errors as
  // Evaluate(). The message is valid until the next call or the evaluator's destruction.
  [[nodiscard]] absl::StatusOr<const junheng::v1::Evaluation*> Evaluate(
      const EvaluationInput& input, const junheng::v1::Profile& profile);

  // How many times the arena has been reset so far.
  int resets() const { return resets_; }

 private:
  static google::protobuf::ArenaOptions Options(char* block, size_t size);

  size_t reset_bytes_;
  // The arena's first block, kept across resets: memory the evaluator already touched (and that
  // is likely still in cache) instead of fresh blocks from malloc after every reset.
  std::unique_ptr<char[]> block_;
  google::protobuf::Arena arena_;
  junheng::v1::Evaluation* evaluation_ = nullptr;
  int resets_ = 0;
};

}  // namespace junheng::eval
