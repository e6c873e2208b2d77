#!/usr/bin/env bash
# package.sh: what a user installs besides the library: the Debian package
# (`cpack -G DEB`: its Depends are Debian's runtime packages, and the binary
# unpacked from it checks units), the bash and zsh completion, the manual
# page, the pre-commit hooks and the CI templates.
# Usage: package.sh BUILD_DIR SOURCE_DIR BINARY
set -u
BUILD=$1
SRC=$(cd "$2" && pwd)
SK=$3
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RULES=$(grep -c . "$SRC/tests/data/requirement-ids.txt")

# ---- the Debian package ------------------------------------------------------
cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1
check "cpack -G DEB succeeds" [ $? = 0 ]
DEB=$(ls "$WORK"/pkg/startklar_*.deb 2>/dev/null | head -1)
check "it writes startklar_VERSION_ARCH.deb" [ -n "$DEB" ]
dpkg-deb -f "$DEB" Depends >"$WORK/depends" 2>&1
for p in libc6 liblua5.4-0 libyaml-0-2 libsqlite3-0 libjansson4; do
  check "Depends names Debian's runtime package $p" grep -qE "(^|, )$p( |,|$)" "$WORK/depends"
done
check "  and no development package" lacks "$WORK/depends" "-dev"
dpkg-deb -I "$DEB" >"$WORK/info" 2>&1
check "dpkg-deb -I shows a package startklar" has "$WORK/info" "Package: startklar"
check "  with a shlibs file for libstartklar.so.0" has "$WORK/info" "shlibs"
dpkg-deb -c "$DEB" >"$WORK/contents" 2>&1
for f in ./usr/bin/startklar ./usr/lib/libstartklar.so.0 ./usr/share/man/man1/startklar.1.gz \
  ./usr/share/bash-completion/completions/startklar ./usr/share/zsh/vendor-completions/_startklar \
  ./usr/share/startklar/plugins/ ./usr/share/startklar/rules/default.yaml ./usr/share/doc/startklar/docs/embedding.md \
  ./usr/include/startklar/startklar.h ./usr/lib/pkgconfig/startklar.pc; do
  check "the package holds $f" grep -qF " $f" "$WORK/contents"
done
dpkg-deb -x "$DEB" "$WORK/root"
check "dpkg-deb -x unpacks it" [ -x "$WORK/root/usr/bin/startklar" ]
# the unpacked binary, run from elsewhere, finds the rules and profiles beside it in usr/share
(cd "$WORK" && STARTKLAR_PLUGINS= "$WORK/root/usr/bin/startklar" rules list >"$WORK/rules.txt")
check "the unpacked binary finds its $RULES rules" [ "$(grep -c '^[A-Z][A-Z]*-[0-9]' "$WORK/rules.txt")" = "$RULES" ]
(cd "$WORK" && "$WORK/root/usr/bin/startklar" check --as-of 2027-04-10 --profile prelaunch \
  "$SRC/examples/vc-visby-ready" >"$WORK/ready.txt" 2>&1)
check "the unpacked binary checks the ready unit: exit 0" [ $? = 0 ]
check "  and says so" has "$WORK/ready.txt" "1 ready"
(cd "$WORK" && "$WORK/root/usr/bin/startklar" check --as-of 2027-04-10 "$SRC/examples/vc-ahus" >/dev/null 2>&1)
check "and a unit that is not ready: exit 1" [ $? = 1 ]
check "the package's startklar.pc names its rules, relocatable" \
  [ -f "$(PKG_CONFIG_PATH=$WORK/root/usr/lib/pkgconfig pkg-config --variable=plugindir startklar)/communication-plan/CP-02.lua" ]
check "the packaged completion is what the binary writes" \
  cmp -s "$WORK/root/usr/share/bash-completion/completions/startklar" <("$SK" completion bash)

# ---- bash completion: COMP_WORDS in, COMPREPLY out ------------------------------
"$SK" completion bash >"$WORK/completion.bash"
check "completion bash exits 0" [ $? = 0 ]
# complete WORDS...: the completions of the last word after the others
complete_bash() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
           cd "$0" && _startklar startklar && printf "%s\n" "${COMPREPLY[@]}"' "$SRC" "$WORK/completion.bash" "$@"
}
offers() { local want=$1; shift; complete_bash "$@" | grep -qxF -- "$want"; }
# the rule ids come from running `startklar rules list`, found on PATH
with_sk_on_path() { PATH="$(cd "$(dirname "$SK")" && pwd):$PATH" "$@"; }
check "bash: 'startklar ch' offers check" offers check startklar ch
check "bash: 'startklar check --fo' offers --format" offers --format startklar check --fo
check "bash: 'startklar check --format s' offers sarif" offers sarif startklar check --format s
check "bash: every format of the binary is offered" \
  [ "$(complete_bash startklar check --format '' | sort | tr '\n' ' ')" = \
    "$(printf '%s\n' csv github gitlab html json jsonl junit markdown sarif statement text | sort | tr '\n' ' ')" ] 
check "bash: 'startklar audit --fail-on w' offers warning" offers warning startklar audit --fail-on w
check "bash: 'startklar check --profile p' offers prelaunch" offers prelaunch startklar check --profile p
check "bash: 'startklar --lang s' offers sv" offers sv startklar check --lang s
check "bash: 'startklar rules e' offers explain" offers explain startklar rules e
check "bash: 'startklar rules explain CP-0' offers CP-02 (from rules list)" \
  with_sk_on_path offers CP-02 startklar rules explain CP-0
check "bash: 'startklar init ' offers the kinds" offers unit-onboarding startklar init ''
check "bash: 'startklar check --format json ex' completes files" offers examples startklar check --format json ex
check "bash: 'startklar test -' offers --verbose" offers --verbose startklar test -
check "bash: 'startklar init --rule GOT-01 --kind c' offers communication-plan" \
  offers communication-plan startklar init --rule GOT-01 --kind c
# every option offered for check is one check accepts
bad_opts=""
for o in $(complete_bash startklar check -); do
  "$SK" check "$o" x >/dev/null 2>"$WORK/opt.err"
  grep -q "unknown option '$o'" "$WORK/opt.err" && [ "$o" != "--lang" ] && bad_opts="$bad_opts $o"
done
check "every option offered for check is one it takes (${bad_opts:-none refused})" [ -z "$bad_opts" ]
"$SK" completion fish >/dev/null 2>"$WORK/fish.err"
check "completion of an unknown shell: exit 2" [ $? = 2 ]
check "  naming the shells it knows" has "$WORK/fish.err" "bash and zsh"

# ---- zsh completion: loaded in zsh, with compadd and friends recorded ----------
"$SK" completion zsh >"$WORK/_startklar"
check "completion zsh is a #compdef file" has "$WORK/_startklar" "#compdef startklar"
if command -v zsh >/dev/null; then
  check "zsh parses it" zsh -n "$WORK/_startklar"
  complete_zsh() {
    zsh -fc 'compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@" }
             _describe() { print -rl -- ${${(P)2}%%:*} }
             _files() { print -r -- "<files $*>" }
             words=("$@"); CURRENT=${#words}; PREFIX=${words[CURRENT]}
             source "$0"' "$WORK/_startklar" "$@"
  }
  zoffers() { local want=$1; shift; complete_zsh "$@" | grep -qxF -- "$want"; }
  check "zsh: 'startklar ' offers audit" zoffers audit startklar ''
  check "zsh: 'startklar check --format ' offers junit" zoffers junit startklar check --format ''
  check "zsh: 'startklar rules ' offers list" zoffers list startklar rules ''
  check "zsh: 'startklar check -' offers --waivers" zoffers --waivers startklar check -
  check "zsh: 'startklar check -o ' completes files" zoffers "<files >" startklar check -o ''
  check "zsh: 'startklar audit ' completes directories" zoffers "<files -/>" startklar audit ''
  check "zsh: 'startklar rules explain ' offers CP-02 (from rules list)" \
    with_sk_on_path zoffers CP-02 startklar rules explain ''
else
  check "zsh is installed (README's test command)" false
fi

# ---- the manual page names every command and option of the help --------------
sed 's/\\-/-/g' "$SRC/docs/man/startklar.1" >"$WORK/man.txt"
missing=""
words=$(grep -oE 'compgen -W "[^"$]*"' "$WORK/completion.bash" | sed 's/^compgen -W "//; s/"$//' | tr ' ' '\n' | sort -u)
check "the completion offers words to look for ($(echo $words | wc -w))" [ "$(echo $words | wc -w)" -gt 40 ]
for w in $words; do
  grep -qF -- "$w" "$WORK/man.txt" || missing="$missing $w"
done
check "the manual page names every command, option and value the completion offers (${missing:-all there})" [ -z "$missing" ]

# ---- pre-commit hooks and CI templates ---------------------------------------------
python3 - "$SRC" "$SK" >"$WORK/hooks.log" 2>&1 <<'PY'
import os, shlex, subprocess, sys, yaml
src, sk = sys.argv[1], sys.argv[2]
hooks = yaml.safe_load(open(os.path.join(src, ".pre-commit-hooks.yaml")))
assert isinstance(hooks, list) and hooks, "a list of hooks"
for h in hooks:
    for key in ("id", "name", "entry", "language"):
        assert key in h, f"hook {h.get('id')} lacks {key}"
    argv = shlex.split(h["entry"]) + h.get("args", [])
    assert argv[0] == "startklar", h["entry"]
    # run the hook as pre-commit would, in a repository holding the ready unit
    target = {"startklar-check": [os.path.join(src, "examples/vc-visby-ready")],
              "startklar-test": [os.path.join(src, "examples/region-rules")]}[h["id"]]
    argv = [sk] + argv[1:]
    if h["id"] == "startklar-check":
        argv = [sk, "check", "--as-of", "2027-04-10"] + argv[2:]
    if h.get("pass_filenames", True) is False:
        argv = [a for a in argv if a != "."] + target
    r = subprocess.run(argv, capture_output=True, text=True)
    assert r.returncode == 0, f"{h['id']}: {argv} -> {r.returncode} {r.stderr}"
action = yaml.safe_load(open(os.path.join(src, ".github/actions/startklar/action.yml")))
assert action["runs"]["using"] == "composite"
uses = [s.get("uses", "") for s in action["runs"]["steps"]]
assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses), uses
runs = " ".join(s.get("run", "") for s in action["runs"]["steps"])
assert "--format sarif" in runs and "--format github" in runs and ".deb" in runs, runs
# every apt-get line that builds startklar installs what CMakeLists.txt's pkg_check_modules need
import re
cmake = open(os.path.join(src, "CMakeLists.txt")).read()
modules = re.findall(r"pkg_check_modules\(\w+ REQUIRED IMPORTED_TARGET (\S+)\)", cmake)
dev = {"lua5.4": "liblua5.4-dev", "yaml-0.1": "libyaml-dev", "sqlite3": "libsqlite3-dev", "jansson": "libjansson-dev"}
assert sorted(modules) == sorted(dev), modules
for line in runs.split("\n"):
    if "apt-get install" in line and "build-essential" in line:
        missing = [d for d in dev.values() if d not in line]
        assert not missing, ("the action's build lacks", missing)
gl = yaml.safe_load(open(os.path.join(src, "docs/ci/startklar.gitlab-ci.yml")))
job = gl[".startklar"]
assert "codequality" in job["artifacts"]["reports"], job["artifacts"]
assert any(".deb" in line for line in job["before_script"]), job["before_script"]
assert any("--format gitlab" in line for line in job["script"]), job["script"]
print("ok")
PY
check "the pre-commit hooks run, and the GitHub action and GitLab template install the package and upload" \
  has "$WORK/hooks.log" "ok"
[ "$failed" = 0 ] || cat "$WORK/hooks.log"
summary
