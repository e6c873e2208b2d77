/* position.c: columns between the engine and the editor. The engine counts
 * a column the way libyaml does: 1-based, one per character (code point),
 * whatever its bytes (engine/load.c takes mark.column + 1). LSP counts a
 * 0-based character offset in the negotiated encoding: UTF-16 code units
 * (the default: an emoji is two), UTF-8 bytes (å is two, an emoji four) or
 * UTF-32 code points. */
#include "lsp.h"

/* The bytes of the character at p (1 for a byte that starts no valid sequence). */
static size_t char_bytes(const unsigned char *p, size_t left)
{
    size_t n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 1;
    if (n > left)
        return 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

/* The units one character of n bytes takes in enc. */
static int char_units(size_t n, lsp_encoding enc)
{
    switch (enc) {
    case LSP_ENC_UTF8:
        return (int)n;
    case LSP_ENC_UTF32:
        return 1;
    case LSP_ENC_UTF16:
    default:
        return n == 4 ? 2 : 1; /* beyond the BMP: a surrogate pair */
    }
}

const char *lsp_line(const char *text, size_t textlen, int line, size_t *len)
{
    if (!text || line < 0)
        return NULL;
    size_t at = 0;
    for (int l = 0; l < line; l++) {
        while (at < textlen && text[at] != '\n')
            at++;
        if (at >= textlen)
            return NULL;
        at++;
    }
    size_t end = at;
    while (end < textlen && text[end] != '\n')
        end++;
    *len = end - at;
    if (*len > 0 && text[end - 1] == '\r')
        (*len)--;
    return text + at;
}

int lsp_column_to_lsp(const char *line, size_t len, int column, lsp_encoding enc)
{
    const unsigned char *p = (const unsigned char *)line;
    size_t at = 0;
    int units = 0;
    for (int c = 1; c < column && at < len; c++) {
        size_t n = char_bytes(p + at, len - at);
        units += char_units(n, enc);
        at += n;
    }
    return units;
}

size_t lsp_lsp_to_byte(const char *line, size_t len, int character, lsp_encoding enc)
{
    const unsigned char *p = (const unsigned char *)line;
    size_t at = 0;
    int units = 0;
    while (at < len) {
        size_t n = char_bytes(p + at, len - at);
        int u = char_units(n, enc);
        if (units + u > character)
            break; /* inside a character (half a surrogate pair): its start */
        units += u;
        at += n;
    }
    return at;
}

int lsp_line_units(const char *line, size_t len, lsp_encoding enc)
{
    return lsp_column_to_lsp(line, len, (int)len + 1, enc);
}
