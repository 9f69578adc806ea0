# The arrows of docs/architecture.md, checked when CMake configures: a library that links against
# them fails the configure step with the chain of links that breaks the rule. Included last from the
# top-level CMakeLists.txt, when every target exists.
#
#   proto -> common -> server | client       nothing in common links server or client code
#   junheng_eval, junheng_catalog            pure: no gRPC, no CSV codec, no output code, no storage
#   junheng_render, io, validate, profile    no gRPC
#   server/storage                           at the bottom of the server: links nothing of server
#                                            but server/observability, which links nothing of it
#   server domain rooms (audit, auth, bureau, evaluation, reporting)   no gRPC, no rpc, no tools
#   client: cli -> outbox -> rpc             rpc links no outbox or cli; outbox no cli; no server
#   junheng_eval_command                     the offline `junheng eval`: no gRPC at all

# Sets `out` to the libraries `target` links, directly or through others, each as
# "name<TAB>path", where path is the chain of links from `target` that reaches it.
function(_junheng_link_closure target out)
  set(seen "")
  set(result "")
  set(queue "${target}")
  set(chains "${target}")
  while(queue)
    list(POP_FRONT queue current)
    list(POP_FRONT chains chain)
    if(NOT TARGET ${current})
      continue()
    endif()
    get_target_property(aliased ${current} ALIASED_TARGET)
    if(aliased)
      set(current ${aliased})
    endif()
    get_target_property(imported ${current} IMPORTED)
    set(links "")
    if(NOT imported)
      get_target_property(direct ${current} LINK_LIBRARIES)
      if(direct)
        list(APPEND links ${direct})
      endif()
    endif()
    get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
    if(interface)
      list(APPEND links ${interface})
    endif()
    foreach(item IN LISTS links)
      # $<LINK_ONLY:x> is how a static library passes on its PRIVATE links; other generator
      # expressions and CMake's ::@ scope markers name no library here.
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" item "${item}")
      if(item MATCHES "^\\$<" OR item MATCHES "^::@")
        continue()
      endif()
      if(item IN_LIST seen)
        continue()
      endif()
      list(APPEND seen "${item}")
      list(APPEND result "${item}\t${chain} -> ${item}")
      list(APPEND queue "${item}")
      list(APPEND chains "${chain} -> ${item}")
    endforeach()
  endwhile()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# junheng_forbid_links(<target> [NAMES <regex>...] [DIRS <source dir>...]): fails the configure
# step when <target> links, directly or not, a library whose name matches one of NAMES or that is
# defined below one of DIRS.
function(junheng_forbid_links target)
  cmake_parse_arguments(F "" "" "NAMES;DIRS" ${ARGN})
  _junheng_link_closure(${target} closure)
  foreach(entry IN LISTS closure)
    string(REGEX REPLACE "\t.*$" "" name "${entry}")
    string(REGEX REPLACE "^[^\t]*\t" "" path "${entry}")
    set(broken "")
    foreach(pattern IN LISTS F_NAMES)
      if(name MATCHES "${pattern}")
        set(broken "${name} matches ${pattern}")
      endif()
    endforeach()
    if(TARGET ${name})
      get_target_property(imported ${name} IMPORTED)
      if(NOT imported)
        get_target_property(dir ${name} SOURCE_DIR)
        foreach(forbidden IN LISTS F_DIRS)
          cmake_path(IS_PREFIX forbidden "${dir}" NORMALIZE below)
          if(below)
            set(broken "${name} is defined in ${dir}")
          endif()
        endforeach()
      endif()
    endif()
    if(broken)
      message(FATAL_ERROR "${target} must not link ${name} (${broken}): ${path}")
    endif()
  endforeach()
endfunction()


set(_src ${PROJECT_SOURCE_DIR})
set(_grpc "^gRPC::" "^junheng_grpc$" "^junheng_rpc$" "^junheng_client_rpc$")

foreach(lib junheng_catalog junheng_eval)
  junheng_forbid_links(${lib} NAMES ${_grpc} "^junheng_io$" "^junheng_validate$" "^junheng_render$"
    "^RocksDB::" DIRS ${_src}/server ${_src}/client)
endforeach()
foreach(lib junheng_render junheng_io junheng_validate junheng_profile junheng_hash junheng_time)
  junheng_forbid_links(${lib} NAMES ${_grpc} "^RocksDB::" DIRS ${_src}/server ${_src}/client)
endforeach()
junheng_forbid_links(junheng_rpc DIRS ${_src}/server ${_src}/client)

set(_server_above_storage audit auth bureau evaluation reporting rpc tools)
list(TRANSFORM _server_above_storage PREPEND ${_src}/server/)
junheng_forbid_links(junheng_server_storage NAMES ${_grpc} DIRS ${_server_above_storage}
  ${_src}/client)
# observability (metrics, log lines, request ids) sits under storage: every room may link it.
junheng_forbid_links(junheng_server_observability NAMES ${_grpc} "^RocksDB::"
  DIRS ${_server_above_storage} ${_src}/server/storage ${_src}/server/http ${_src}/client)
foreach(room audit auth bureau evaluation reporting)
  junheng_forbid_links(junheng_server_${room} NAMES ${_grpc}
    DIRS ${_src}/server/rpc ${_src}/server/tools ${_src}/client)
endforeach()
foreach(lib junheng_server_rpc junheng_server_http junheng_server_tools junheng_server_app junheng-server)
  junheng_forbid_links(${lib} DIRS ${_src}/client)
endforeach()

junheng_forbid_links(junheng_eval_command NAMES ${_grpc} DIRS ${_src}/server)
junheng_forbid_links(junheng_client_rpc DIRS ${_src}/server ${_src}/client/outbox ${_src}/client/cli)
junheng_forbid_links(junheng_outbox DIRS ${_src}/server ${_src}/client/cli)
junheng_forbid_links(junheng_cli DIRS ${_src}/server)
junheng_forbid_links(junheng DIRS ${_src}/server)
