#!/usr/bin/env bash
# profile.sh: where the CPU of one `audit --jobs 1` goes, by kind of work
# (libyaml, the Lua VM, its tables, strings, collector, allocator and count
# hook, our native helpers, the rest of the engine, libc, the kernel), from
# perf's samples. Debian strips liblua5.4.so of its functions' names, so the
# build must link the static liblua5.4.a:
#   cmake -S . -B build-prof -DCMAKE_BUILD_TYPE=Release -DSK_PROFILE=ON -DSK_TESTS=OFF
#   cmake --build build-prof -j2
#   bench/profile.sh build-prof /tmp/bench/c5000
# Needs perf (Debian: linux-perf). Shares of the samples, never times to assert.
set -eu
BUILD=${1:?usage: profile.sh BUILD_DIR CORPUS_DIR [TOP]}
CORPUS=${2:?usage: profile.sh BUILD_DIR CORPUS_DIR [TOP]}
TOP=${3:-3}
command -v perf >/dev/null || { echo "profile.sh: needs perf (apt-get install linux-perf)" >&2; exit 2; }
nm "$BUILD/startklar" | grep -q ' luaV_execute$' ||
  { echo "profile.sh: $BUILD/startklar has no Lua symbols: configure it with -DSK_PROFILE=ON" >&2; exit 2; }
# in memory: perf writing its samples to a disk would show as the kernel's work
DATA=$(mktemp -p /dev/shm 2>/dev/null || mktemp)
trap 'rm -f "$DATA"' EXIT
perf record -q -e cpu-clock -F 4000 -o "$DATA" \
  "$BUILD/startklar" audit --as-of 2027-04-10 --format jsonl --jobs 1 "$CORPUS" >/dev/null 2>&1 || true

# The kinds of work: the first pattern a sample's "dso symbol" matches names
# its kind (awk regular expressions, in order).
KINDS='libyaml	^libyaml
Lua count hook	 (luaG_traceexec|rethook|luaD_hook)$
Lua collector	 (propagatemark|sweep[a-z_]*|freeobj|luaC_[a-z]+|atomic|reallymarkobject|traverse[a-z]*|youngcollection|correctgraylist|markold|clearby[a-z]+|GCTM|entersweep)(\.[a-z0-9.]+)?$
Lua allocator	 (capped_alloc|heap_get|heap_put|heap_[a-z]+|luaM_[a-z_]+)$
Lua strings	 (internshrstr|luaS_[a-z]+)$
Lua tables	 (luaH_[a-z]+|mainposition[A-Za-z]*|getgeneric|insertkey|rehash|numusehash|computesizes|setnodevector|luaH_resize)(\.[a-z0-9.]+)?$
Lua VM and C API	 (luaV_[a-z]+|luaD_[a-z]+|luaF_[a-z]+|luaT_[a-z]+|luaO_[a-z]+|luaG_[a-z]+|index2value|index2stack|lua_[a-z]+|luaL_[a-z]+|auxgetstr|aux_rawset|auxsetstr|moveresults|ccall|precallC|luaE_[a-z]+)(\.[a-z0-9.]+)?$
native helpers	 (native_[a-z_]+|sk_native_[a-z_]+|push_fold|each_step|words_[a-z_]+)$
views	 (push_node|push_key|wrap|meta_set|sk_luadoc_[a-z_]+|push_template)$
loader and schema	 (parse_stream|attach|check_node|push_level|sk_node_[a-z]+|sk_arena_[a-z]+|sk_load_[a-z_]+|count_node|remember_anchor|scalar_[a-z_]+|sk_scalar_[a-z_]+|sk_date_[a-z]+)$
libc malloc	 (malloc|free|cfree@GLIBC_2.2.5|_int_malloc|_int_free|_int_realloc|realloc|calloc|malloc_consolidate|unlink_chunk.constprop.0|tcache_[a-z_]+)$
libc strings and memory	^libc.* (__str[a-z_]+|__mem[a-z_0-9]+|strlen|memcpy|memmove)
kernel	^\[kernel
rest of startklar	^startklar 
rest of libc	^libc
other	.'

perf report -i "$DATA" --no-children --sort dso,symbol --stdio 2>/dev/null |
  awk '/^ *[0-9.]+%/ { p = $1; sub(/%/, "", p); sym = $NF; if (sym == "-") sym = $(NF-2)
                       # "  12.3%  dso  [.] symbol  -  -": the symbol is the field after [.] or [k]
                       for (i = 1; i <= NF; i++) if ($i == "[.]" || $i == "[k]") sym = $(i+1)
                       print p "\t" $2 " " sym }' |
  KINDS="$KINDS" TOP="$TOP" awk -F'\t' '
    BEGIN { n = split(ENVIRON["KINDS"], line, "\n")
            for (i = 1; i <= n; i++) { split(line[i], x, "\t"); name[i] = x[1]; re[i] = x[2] } }
    { for (i = 1; i <= n; i++) if ($2 ~ re[i]) break
      share[i] += $1; total += $1
      if (++seen[i] <= ENVIRON["TOP"]) top[i] = top[i] (top[i] ? ", " : "") substr($2, index($2, " ") + 1) " " $1 }
    END { print "audit --jobs 1, share of the samples (perf, cpu-clock), with the top functions (% of all):"
          for (i = 1; i <= n; i++) if (share[i] > 0)
            printf "  %-24s %5.1f %%   %s\n", name[i], 100 * share[i] / total, top[i] }'
