# embed.cmake: turns a text file into a C array (cmake -P), so the engine
# carries sk.lua inside the library and needs no file at run time.
# In: INPUT, OUTPUT, SYMBOL.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "/* generated from ${INPUT} by cmake/embed.cmake: do not edit */\n#include <stddef.h>\nconst char ${SYMBOL}[] = {\n${bytes}0x00};\nconst size_t ${SYMBOL}_size = ${size};\n")
