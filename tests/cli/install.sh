#!/usr/bin/env bash
# install.sh: `cmake --install` gives a working startklar: the binary finds
# its built-in rules and profiles beside it, and a program embedding
# libstartklar builds with nothing but pkg-config.
# Usage: install.sh BUILD_DIR SOURCE_DIR [SANITIZE]
set -u
BUILD=$1
SRC=$(cd "$2" && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# a library built with sanitizers links only into a program built with them
SAN=""
case "${3:-OFF}" in ON|on|1|TRUE|true) SAN="-fsanitize=address,undefined" ;; esac
cmake --install "$BUILD" --prefix "$WORK/prefix" >"$WORK/install.log" 2>&1
check "cmake --install succeeds" [ $? = 0 ]
for f in bin/startklar include/startklar/startklar.h lib/libstartklar.a lib/pkgconfig/startklar.pc \
  share/startklar/plugins/communication-plan/CP-02.lua share/startklar/rules/prelaunch.yaml; do
  check "installs $f" [ -e "$WORK/prefix/$f" ]
done
# run from elsewhere, so nothing is found through the source tree by accident
(cd "$WORK" && STARTKLAR_PLUGINS= "$WORK/prefix/bin/startklar" rules list >"$WORK/rules.txt")
builtin=$(ls "$SRC"/plugins/*/*.lua | wc -l)
check "the installed binary finds its $builtin rules" [ "$(grep -c '^[A-Z][A-Z]-[0-9]' "$WORK/rules.txt")" = "$builtin" ]
(cd "$WORK" && "$WORK/prefix/bin/startklar" check --as-of 2027-04-10 --profile prelaunch \
  "$SRC/examples/vc-visby-ready" >"$WORK/check.txt")
check "the installed binary checks the ready unit with a shipped profile" [ $? = 0 ]
cat >"$WORK/embed.c" <<'C'
#include <startklar/startklar.h>
#include <string.h>
int main(void)
{
    sk_limits l = sk_limits_default();
    return l.max_depth == 64 && strcmp(sk_severity_name(SK_SEV_ERROR), "error") == 0 ? 0 : 1;
}
C
export PKG_CONFIG_PATH=$WORK/prefix/lib/pkgconfig
# shellcheck disable=SC2046
cc $SAN "$WORK/embed.c" $(pkg-config --cflags --libs --static startklar) -o "$WORK/embed" 2>"$WORK/cc.log"
check "a program embedding libstartklar builds with pkg-config" [ $? = 0 ]
check "and runs" "$WORK/embed"
summary
