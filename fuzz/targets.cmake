# The libFuzzer targets: fuzz/fuzz_NAME.cpp for each NAME. Read by
# fuzz/CMakeLists.txt (which builds them) and tests/hardening/CMakeLists.txt
# (which runs each). A new target: add its NAME here, and see
# tests/io/test_fuzz_regressions.cpp for its replay.
set(RCMAP_FUZZ_TARGETS csv survey xlsx sav mapping wide ties)
