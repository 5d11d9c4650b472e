# Embeds a TSV file of reviewed wording (docs/glossary.tsv,
# docs/dialogue-questions.tsv) in C++ as one raw string, so that the report
# needs no file at run time: cmake -DIN=file.tsv -DOUT=file.cpp -DNAME=kName -P embed_tsv.cmake
file(READ "${IN}" content)
string(FIND "${content}" ")rcmap_tsv\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )rcmap_tsv\"")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by render/report/embed_tsv.cmake: do not edit.\n"
                        "namespace rcmap::render::detail {\n"
                        "extern const char* const ${NAME};\n"
                        "const char* const ${NAME} = R\"rcmap_tsv(${content})rcmap_tsv\";\n"
                        "}  // namespace rcmap::render::detail\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
