/* protocol.c: the Language Server Protocol's base layer: messages framed by
 * a Content-Length header, their bodies JSON read and written with jansson.
 * A bad header, a body that is not JSON or a message too large is skipped
 * and said to the caller, which answers with the right error and goes on. */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEADER_MAX 1024

/* One header line without its CR LF into buf; 1, 0 at end of input. A line
 * longer than the buffer is cut (and then not a valid header). */
static int read_header_line(FILE *in, char *buf, size_t size)
{
    size_t n = 0;
    int c;
    while ((c = getc(in)) != EOF) {
        if (c == '\n')
            break;
        if (n + 1 < size)
            buf[n++] = (char)c;
    }
    if (c == EOF && n == 0)
        return 0;
    if (n > 0 && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    return 1;
}

lsp_read_status lsp_read(FILE *in, json_t **msg)
{
    *msg = NULL;
    char line[HEADER_MAX];
    long long length = -1;
    int headers = 0, bad = 0;
    for (;;) {
        if (!read_header_line(in, line, sizeof line))
            return LSP_READ_EOF;
        if (line[0] == '\0') {
            if (headers)
                break;
            continue; /* blank lines between messages */
        }
        headers++;
        const char *colon = strchr(line, ':');
        if (!colon) {
            bad = 1;
            continue;
        }
        if ((size_t)(colon - line) == strlen("Content-Length") &&
            strncasecmp(line, "Content-Length", (size_t)(colon - line)) == 0) {
            char *end;
            long long v = strtoll(colon + 1, &end, 10);
            while (*end == ' ' || *end == '\t')
                end++;
            if (*end || v < 0)
                bad = 1;
            else
                length = v;
        }
    }
    if (bad || length < 0)
        return LSP_READ_BAD_HEADER;
    if ((unsigned long long)length > LSP_MAX_MESSAGE) {
        for (long long i = 0; i < length && getc(in) != EOF; i++)
            ;
        return LSP_READ_TOO_BIG;
    }
    char *body = malloc((size_t)length + 1);
    if (!body) {
        for (long long i = 0; i < length && getc(in) != EOF; i++)
            ;
        return LSP_READ_TOO_BIG;
    }
    size_t got = fread(body, 1, (size_t)length, in);
    if (got < (size_t)length) {
        free(body);
        return LSP_READ_EOF;
    }
    json_error_t err;
    *msg = json_loadb(body, (size_t)length, JSON_REJECT_DUPLICATES, &err);
    free(body);
    return *msg ? LSP_READ_OK : LSP_READ_BAD_JSON;
}

int lsp_write(FILE *out, json_t *msg)
{
    if (!msg)
        return -1;
    char *body = json_dumps(msg, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(msg);
    if (!body)
        return -1;
    size_t len = strlen(body);
    int rc = fprintf(out, "Content-Length: %zu\r\n\r\n", len) < 0 || fwrite(body, 1, len, out) != len ||
             fflush(out) != 0 ? -1 : 0;
    free(body);
    return rc;
}
