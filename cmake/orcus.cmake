# liborcus (Debian's liborcus-dev 0.17) as one target, junheng_orcus: the xlsx reader. Its
# spreadsheet-model .pc file names an include directory the package does not ship, so that
# library is found by name instead of through pkg-config.
if(NOT TARGET junheng_orcus)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(ORCUS_MODEL REQUIRED IMPORTED_TARGET liborcus-0.17 libixion-0.17)
  find_library(ORCUS_SPREADSHEET_MODEL NAMES orcus-spreadsheet-model-0.17 REQUIRED)
  add_library(junheng_orcus INTERFACE)
  target_link_libraries(junheng_orcus INTERFACE PkgConfig::ORCUS_MODEL ${ORCUS_SPREADSHEET_MODEL})
endif()
