# `junheng eval` (issue 3). Included from client/cli/CMakeLists.txt; links no gRPC (checked by
# client/client_link_rules.cmake), so the offline evaluator works with no server.
find_package(CLI11 CONFIG REQUIRED)
add_library(junheng_eval_command STATIC ${CMAKE_CURRENT_LIST_DIR}/eval_command.cc)
target_include_directories(junheng_eval_command PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(junheng_eval_command
  PUBLIC junheng_cli_output junheng_eval junheng_render junheng_profile junheng_io junheng_validate junheng_proto CLI11::CLI11
    absl::status absl::statusor absl::strings)
