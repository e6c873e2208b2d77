/* cmd_lsp.c: `startklar lsp`: the Language Server Protocol server over
 * standard input and output (engine/lsp/). It takes no options: the
 * workspace's configuration comes from the editor (initializationOptions,
 * workspace/didChangeConfiguration; docs/editor.md). --stdio is accepted,
 * as many clients pass it. */
#include "cli.h"

#include "../lsp/lsp.h"

#include <string.h>

int cmd_lsp(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--stdio") != 0)
            return usage_error("lsp takes no arguments but --stdio, not '%s'", argv[i]);
    return lsp_serve(stdin, stdout, stderr);
}
