# Turns data/schema.sql into a C string (cmake -P; INPUT and OUTPUT are set with -D),
# so the builder always writes the schema the loader was compiled against.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUTPUT}" "/* Generated from data/schema.sql; do not edit. */\n#include \"builder/builder.h\"\nconst char BUILDER_SCHEMA_SQL[] = {${bytes}0x00};\n")
