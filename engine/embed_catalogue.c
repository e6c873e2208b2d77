/* embed_catalogue.c: a build tool, not part of the engine. Reads and checks
 * a message catalogue (i18n_read.c) and writes it as a C table sorted by the
 * English text, which i18n.c searches as is: a catalogue that does not hold
 * up fails the build with its file:line, and the engine parses nothing to
 * speak another language.
 * Usage: embed_catalogue OUTPUT.c SYMBOL LANG.yaml */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s as a C string literal (or NULL). */
static void put_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(out, "\\%03o", *p); /* octal: never swallows a following digit */
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len + 4096 > cap) {
            char *d = realloc(data, cap = (*len + 4096) * 2);
            if (!d) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = d;
        }
        size_t n = fread(data + *len, 1, cap - *len, f);
        *len += n;
        if (n == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(data);
        return NULL;
    }
    return data;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: embed_catalogue OUTPUT.c SYMBOL LANG.yaml\n");
        return 2;
    }
    size_t len;
    char *text = read_all(argv[3], &len);
    if (!text) {
        perror(argv[3]);
        return 1;
    }
    sk_errors errs;
    sk_errors_init(&errs);
    sk_catalogue_read_result cat;
    int rc = sk_catalogue_read(argv[3], text, len, &cat, &errs);
    free(text);
    if (rc) {
        for (size_t i = 0; i < errs.count; i++)
            fprintf(stderr, "%s:%d: %s\n", errs.items[i].file, errs.items[i].line, errs.items[i].message);
        sk_errors_free(&errs);
        return 1;
    }
    sk_errors_free(&errs);
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        sk_catalogue_read_free(&cat);
        return 1;
    }
    fprintf(out, "/* Generated from %s by embed_catalogue: do not edit. */\n", argv[3]);
    fprintf(out, "#include \"internal.h\"\n\nconst sk_catalogue_entry %s[] = {\n", argv[2]);
    for (size_t i = 0; i < cat.count; i++) {
        const sk_catalogue_entry *e = &cat.entries[i];
        fputs("    {", out);
        put_string(out, e->en);
        fputs(", ", out);
        put_string(out, e->en_plural);
        fputs(", ", out);
        put_string(out, e->sv);
        fputs(", ", out);
        put_string(out, e->sv_plural);
        fprintf(out, ", %d},\n", e->line);
    }
    fprintf(out, "};\nconst size_t %s_count = %zu;\n", argv[2], cat.count);
    sk_catalogue_read_free(&cat);
    if (fclose(out) != 0) {
        perror(argv[1]);
        remove(argv[1]);
        return 1;
    }
    return 0;
}
