# The fuzz build (JUNHENG_FUZZ=ON): clang, libFuzzer, ASan and UBSan; only the fuzz targets and
# the libraries they test. Debian's protobuf and abseil are built with g++; clang links them
# against the same libstdc++.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "JUNHENG_FUZZ needs clang: configure with CC=clang CXX=clang++")
endif()
find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)
find_package(gRPC CONFIG REQUIRED)
find_package(absl CONFIG REQUIRED)
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=vptr
                    -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
add_subdirectory(proto)
add_subdirectory(common/i18n)
add_subdirectory(common/catalog)
add_subdirectory(common/io)
add_subdirectory(common/validate)
add_subdirectory(tests/fuzz)
