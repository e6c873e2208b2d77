#!/usr/bin/env bash
# install.sh: `cmake --install` gives a working startklar: the binary finds
# its built-in rules and profiles beside it, everything a user and a rule
# author need is installed, and the example program of docs/embedding.md
# builds with nothing but pkg-config against the shared and the static
# library, finds the installed rules and checks units.
# Usage: install.sh BUILD_DIR SOURCE_DIR [SANITIZE]
set -u
BUILD=$1
SRC=$(cd "$2" && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# a library built with sanitizers links only into a program built with them
SAN=""
case "${3:-OFF}" in ON|on|1|TRUE|true) SAN="-fsanitize=address,undefined" ;; esac
# every requirement id is one built-in rule
RULES=$(grep -c . "$SRC/tests/data/requirement-ids.txt")
P=$WORK/prefix
cmake --install "$BUILD" --prefix "$P" >"$WORK/install.log" 2>&1
check "cmake --install succeeds" [ $? = 0 ]
export PKG_CONFIG_PATH=$P/lib/pkgconfig
LIB=$(pkg-config --variable=libdir startklar)
for f in bin/startklar include/startklar/startklar.h include/startklar/authoring.h lib/pkgconfig/startklar.pc \
  share/startklar/plugins/communication-plan/CP-02.lua share/startklar/rules/prelaunch.yaml \
  share/startklar/authoring/.luacheckrc share/startklar/authoring/startklar.d.lua \
  share/man/man1/startklar.1.gz share/bash-completion/completions/startklar share/zsh/vendor-completions/_startklar \
  share/doc/startklar/README.md share/doc/startklar/docs/embedding.md share/doc/startklar/docs/writing-rules.md \
  share/doc/startklar/examples/region-rules; do
  check "installs $f" [ -e "$P/$f" ]
done
for f in libstartklar.a libstartklar.so libstartklar.so.0; do
  check "installs $f in pkg-config's libdir" [ -e "$LIB/$f" ]
done
check "libstartklar.so.0 is the shared library's soname" \
  has <(readelf -d "$LIB/libstartklar.so" 2>&1) "Library soname: [libstartklar.so.0]"
# the shared library's ABI is the public headers: nothing of the engine's insides
nm -D --defined-only "$LIB/libstartklar.so" | awk '$3 ~ /^sk_/ {sub(/@.*/, "", $3); print $3}' | sort -u >"$WORK/exported"
cat "$P"/include/startklar/*.h | grep -oE 'sk_[a-z0-9_]+ *\(' | tr -d ' (' | sort -u >"$WORK/public"
check "libstartklar.so exports the functions of the public headers" [ "$(wc -l <"$WORK/exported")" -gt 50 ]
check "  and only those ($(comm -23 "$WORK/exported" "$WORK/public" | head -3 | tr '\n' ' '))" \
  [ -z "$(comm -23 "$WORK/exported" "$WORK/public")" ]
check "the manual page is gzip'd roff of this version" \
  has <(gzip -dc "$P/share/man/man1/startklar.1.gz") ".TH STARTKLAR 1 \"2026-12-01\" \"startklar $("$P/bin/startklar" version | cut -d' ' -f2)\""

# run from elsewhere, so nothing is found through the source tree by accident
(cd "$WORK" && STARTKLAR_PLUGINS= "$P/bin/startklar" rules list >"$WORK/rules.txt")
check "the installed binary finds its $RULES rules" [ "$(grep -c '^[A-Z][A-Z]*-[0-9]' "$WORK/rules.txt")" = "$RULES" ]
(cd "$WORK" && "$P/bin/startklar" check --as-of 2027-04-10 --profile prelaunch \
  "$SRC/examples/vc-visby-ready" >"$WORK/check.txt")
check "the installed binary checks the ready unit with a shipped profile" [ $? = 0 ]

# pkg-config: the shipped directories, and a shared link without --static
check "pkg-config --variable=plugindir names the installed rules" \
  [ -f "$(pkg-config --variable=plugindir startklar)/communication-plan/CP-02.lua" ]
check "pkg-config --variable=profiledir names the installed profiles" \
  [ -f "$(pkg-config --variable=profiledir startklar)/prelaunch.yaml" ]
pkg-config --libs startklar >"$WORK/libs.txt"
check "pkg-config --libs (without --static) names libstartklar" has "$WORK/libs.txt" "-lstartklar"
check "  and not its dependencies, which the shared library names" eval '! grep -qE "lua|yaml" "$WORK/libs.txt"' 

# the example program of docs/embedding.md, exactly as the guide has it
awk '/<!-- example: check_units.c/{found=1; next} found && /^```c/{body=1; next} body && /^```/{exit} body' \
  "$SRC/docs/embedding.md" >"$WORK/check_units.c"
check "docs/embedding.md has the example program" has "$WORK/check_units.c" "int main(int argc, char **argv)"

# shared: the program needs libstartklar.so.0, which finds the rules beside itself
# shellcheck disable=SC2046
cc $SAN -Wall -Wextra -Werror "$WORK/check_units.c" $(pkg-config --cflags --libs startklar) \
  -o "$WORK/check_units" 2>"$WORK/cc.log"
check "the embedding example builds against libstartklar.so with pkg-config" [ $? = 0 ]
check "and needs libstartklar.so.0" has <(readelf -d "$WORK/check_units" 2>&1) "[libstartklar.so.0]"
(cd "$WORK" && STARTKLAR_PLUGINS= LD_LIBRARY_PATH=$LIB ./check_units 2027-04-10 ready.json "$SRC/examples/vc-visby-ready" \
  >"$WORK/shared.out" 2>"$WORK/shared.err")
check "it checks the ready unit with the installed rules: exit 0" [ $? = 0 ]
check "its summary counts one ready unit" has "$WORK/shared.out" "1 unit(s): 1 ready, 0 not ready"
check "its report is JSON with the unit ready" \
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r["units"][0]["status"] == "pass" else 1)' \
  "$WORK/ready.json"
(cd "$WORK" && LD_LIBRARY_PATH=$LIB ./check_units 2027-04-10 ahus.json "$SRC/examples/vc-ahus" >"$WORK/ahus.out" 2>&1)
check "a unit that is not ready: exit 1" [ $? = 1 ]
check "with findings in the report" has "$WORK/ahus.json" '"rule": '
(cd "$WORK" && LD_LIBRARY_PATH=$LIB ./check_units 2027-04-10 /nonexistent/dir/r.json "$SRC/examples/vc-ahus" >/dev/null 2>"$WORK/nowrite.err")
check "a report it cannot write: exit 2 and why" [ $? = 2 ]
check "  (naming the file)" has "$WORK/nowrite.err" "/nonexistent/dir/r.json"

# static: the program carries the engine (the guide's command)
# shellcheck disable=SC2046
cc $SAN -Wall -Wextra -Werror "$WORK/check_units.c" $(pkg-config --cflags startklar) \
  -Wl,-Bstatic -lstartklar -Wl,-Bdynamic -Wl,--as-needed $(pkg-config --static --libs startklar) \
  -o "$WORK/check_units_static" 2>"$WORK/cc-static.log"
check "the embedding example builds against libstartklar.a with pkg-config --static" [ $? = 0 ]
readelf -d "$WORK/check_units_static" >"$WORK/static.dyn" 2>&1
check "and needs no libstartklar.so at run time" lacks "$WORK/static.dyn" "libstartklar"
check "  only Lua and libyaml" has "$WORK/static.dyn" "[liblua5.4.so"
# installed beside the startklar binary it finds the rules from there ...
cp "$WORK/check_units_static" "$P/bin/"
(cd "$WORK" && STARTKLAR_PLUGINS= "$P/bin/check_units_static" 2027-04-10 static.json "$SRC/examples/vc-visby-ready" >/dev/null 2>&1)
check "statically linked and installed in bin/, it finds the rules: exit 0" [ $? = 0 ]
# ... and elsewhere from pkg-config's plugindir
(cd "$WORK" && STARTKLAR_PLUGINS=$(pkg-config --variable=plugindir startklar) ./check_units_static 2027-04-10 static2.json \
  "$SRC/examples/vc-visby-ready" >/dev/null 2>&1)
check "statically linked elsewhere, with STARTKLAR_PLUGINS from pkg-config: exit 0" [ $? = 0 ]
check "both links write the same report" cmp -s "$WORK/ready.json" "$WORK/static2.json"
summary
