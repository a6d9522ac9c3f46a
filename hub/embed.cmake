# Writes OUT: a C file defining the bytes of IN as admin_page[] and its
# length admin_page_len (cmake -DIN=... -DOUT=... -P embed.cmake).
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" body "${body}")
file(WRITE ${OUT}
     "/* Generated from hub/admin.html by hub/embed.cmake. */\n"
     "#include <stddef.h>\n"
     "const unsigned char admin_page[] = {\n${body}0x00};\n"
     "const size_t admin_page_len = ${bytes};\n")
