/* floor.c: the benchmark's floor: libyaml parsing the same files and nothing
 * else (events only, no tree, no rules). Usage: floor FILE... or floor DIR
 * (every *.yaml below it, as listed by the engine's discovery). */
#include "startklar/startklar.h"

#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static long parse(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        fclose(f);
        return -1;
    }
    yaml_parser_set_input_file(&p, f);
    long events = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev))
            break;
        int end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        events++;
        if (end)
            break;
    }
    yaml_parser_delete(&p);
    fclose(f);
    return events;
}

int main(int argc, char **argv)
{
    sk_paths files = {0};
    sk_errors errs;
    sk_errors_init(&errs);
    if (sk_discover((const char *const *)(argv + 1), (size_t)(argc - 1), &files, &errs))
        return 2;
    long total = 0;
    for (size_t i = 0; i < files.count; i++)
        total += parse(files.items[i]);
    printf("%zu files, %ld events\n", files.count, total);
    sk_paths_free(&files);
    sk_errors_free(&errs);
    return 0;
}
