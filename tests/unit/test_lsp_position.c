/* test_lsp_position.c: the language server's columns (engine/lsp/position.c).
 * The engine counts a column in characters (libyaml's mark), the editor in
 * UTF-16 code units or UTF-8 bytes: converted exactly on lines with å, ä,
 * ö and emoji, both ways, and the engine's own column checked to be the
 * character count the conversion assumes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "internal.h"
#include "lsp/lsp.h"

/* "  - namn: Åsa 😀 Öberg, x": characters, UTF-8 bytes and UTF-16 units before x */
static const char LINE[] = "  - namn: \xC3\x85sa \xF0\x9F\x98\x80 \xC3\x96" "berg, x";

static void converts_engine_columns(void **state)
{
    (void)state;
    size_t n = strlen(LINE);
    /* x is the 24th character (column 24): 20 ASCII, Å, 😀 and Ö before it */
    int column = 24;
    assert_int_equal(lsp_column_to_lsp(LINE, n, column, LSP_ENC_UTF8), (int)(strchr(LINE, 'x') - LINE));
    assert_int_equal(lsp_column_to_lsp(LINE, n, column, LSP_ENC_UTF16), 24); /* 😀 is two units */
    assert_int_equal(lsp_column_to_lsp(LINE, n, column, LSP_ENC_UTF32), 23);
    assert_int_equal(lsp_column_to_lsp(LINE, n, 1, LSP_ENC_UTF16), 0);
    /* past the end: the end */
    assert_int_equal(lsp_column_to_lsp(LINE, n, 1000, LSP_ENC_UTF8), (int)n);
    assert_int_equal(lsp_line_units(LINE, n, LSP_ENC_UTF16), 25);
}

static void converts_editor_offsets(void **state)
{
    (void)state;
    size_t n = strlen(LINE), x = (size_t)(strchr(LINE, 'x') - LINE);
    assert_int_equal(lsp_lsp_to_byte(LINE, n, 24, LSP_ENC_UTF16), x);
    assert_int_equal(lsp_lsp_to_byte(LINE, n, (int)x, LSP_ENC_UTF8), x);
    /* the middle of the emoji's surrogate pair, or of its bytes: its start */
    size_t emoji = (size_t)(strstr(LINE, "\xF0") - LINE);
    assert_int_equal(lsp_lsp_to_byte(LINE, n, 15, LSP_ENC_UTF16), emoji);
    assert_int_equal(lsp_lsp_to_byte(LINE, n, (int)emoji + 2, LSP_ENC_UTF8), emoji);
    assert_int_equal(lsp_lsp_to_byte(LINE, n, 1000, LSP_ENC_UTF16), n);
}

static void finds_lines(void **state)
{
    (void)state;
    const char text[] = "a: 1\r\nb: \xC3\xA4\n\nc";
    size_t n;
    const char *l = lsp_line(text, sizeof text - 1, 1, &n);
    assert_non_null(l);
    assert_int_equal(n, 5);
    assert_memory_equal(l, "b: \xC3\xA4", 5);
    assert_int_equal(lsp_line_units(l, n, LSP_ENC_UTF16), 4);
    l = lsp_line(text, sizeof text - 1, 0, &n);
    assert_int_equal(n, 4); /* without the CR */
    assert_non_null(lsp_line(text, sizeof text - 1, 3, &n));
    assert_null(lsp_line(text, sizeof text - 1, 4, &n));
}

/* The engine's column is a character count: what the conversion assumes. */
static void engine_counts_characters(void **state)
{
    (void)state;
    const char text[] = "kind: communication-plan\nversion: 1\n"
                        "unit: {name: \xC3\x85sa \xF0\x9F\x98\x80 \xC3\xB6, hsa_id: SE1, x: 1}\n";
    sk_docset *ds = sk_docset_new(NULL);
    sk_errors errs;
    sk_errors_init(&errs);
    sk_load_buffer(ds, "t.yaml", text, sizeof text - 1, &errs);
    const sk_error *x = NULL;
    for (size_t i = 0; i < errs.count; i++)
        if (errs.items[i].line == 3 && strstr(errs.items[i].message, "'x'"))
            x = &errs.items[i];
    assert_non_null(x);
    const char *line = strstr(text, "unit:");
    size_t n = strcspn(line, "\n");
    /* "unit: {name: Åsa 😀 ö, hsa_id: SE1, " is 35 characters */
    assert_int_equal(x->column, 36);
    assert_int_equal(lsp_column_to_lsp(line, n, x->column, LSP_ENC_UTF8), (int)(strstr(line, "x:") - line));
    sk_errors_free(&errs);
    sk_docset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(converts_engine_columns),
        cmocka_unit_test(converts_editor_offsets),
        cmocka_unit_test(finds_lines),
        cmocka_unit_test(engine_counts_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
