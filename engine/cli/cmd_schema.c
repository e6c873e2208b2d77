/* cmd_schema.c: `startklar schema KIND`: the JSON Schema of a document kind,
 * generated from the loader's own tables, for editors and other tools; with
 * --format markdown, the format reference (docs/format.md) from the same tables. */
#include "cli.h"
#include "startklar/authoring.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_schema(int argc, char **argv)
{
    options o = {.format = "text"};
    int rc = parse_options("schema", argc, argv, &o);
    if (rc)
        return rc;
    int markdown = strcmp(o.format, "markdown") == 0;
    if (!markdown && strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
        return usage_error("schema writes json (a kind's JSON Schema) or markdown (the format reference), not '%s'",
                           o.format);
    if (optind + 1 < argc || (!markdown && optind + 1 != argc))
        return usage_error("schema needs one document kind, e.g. 'schema unit-onboarding'%s", "");
    const char *kind = optind < argc ? argv[optind] : NULL;
    if (kind && check_kind(kind, 1, NULL))
        return 2;
    /* -o as for a report: a new temporary beside the file, renamed over it
     * when whole; a device, a FIFO or a link is refused and left as it is */
    output out;
    if (output_open(&out, o.output, NULL, 0))
        return 2;
    /* the descriptions in the user's language; the format reference stays English */
    sk_catalogue *cat = markdown ? NULL : cli_catalogue(NULL);
    rc = markdown ? sk_format_doc_write(kind, out.f) : sk_json_schema_write_in(kind, cat, out.f);
    sk_catalogue_free(cat);
    if (output_close(&out, rc == 0) || rc) {
        if (o.output)
            cli_fail("cannot write the schema to %s", o.output);
        else
            cli_fail("cannot write the schema");
        return 2;
    }
    return 0;
}
