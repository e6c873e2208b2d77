"""lsp.py BINARY TESTS_DIR: `startklar lsp` driven by a scripted client over
pipes (lsp_client.py): initialize (positionEncoding), didOpen of the two
documents of one example unit (their diagnostics are `startklar check`'s
findings), a change that creates a finding and one that fixes another, a
change in one document re-judging the other, columns on a line with å, ä,
ö and an emoji in UTF-8 and UTF-16, hover, completion from the schema,
code actions (waive, insert the missing field: applied, the finding goes),
pull diagnostics, a configuration with a looping rule, a document that is
not YAML, a malformed message and an unknown method, shutdown and exit; a
profile that is not there says the CLI's error, in Swedish too."""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_client  # noqa: E402

SK, TESTS = sys.argv[1], pathlib.Path(sys.argv[2])
EXAMPLE = TESTS.parent / "examples" / "bup-vaxjo"
AS_OF = "2027-04-10"
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + ("\n  " + str(detail)[:1500] if detail else ""))


def check_findings(path, *lang):
    """`startklar check`'s findings of one file: (line, column, rule, message)."""
    out = subprocess.run([SK, "check", *lang, "--as-of", AS_OF, "--format", "json", str(path.parent)],
                         capture_output=True, text=True).stdout
    found = []
    for unit in json.loads(out)["units"]:
        for f in unit["findings"]:
            if f["file"] == str(path.parent / path.name) or f["file"].endswith("/" + path.name):
                found.append((f["line"], f["column"], f["rule"], f["message"]))
    return sorted(found)


def lsp_col(line_text, column, enc):
    """The engine's 1-based character column as an LSP offset in enc."""
    before = line_text[:column - 1]
    return len(before.encode("utf-8")) if enc == "utf-8" else len(before.encode("utf-16-le")) // 2


def diag_set(diags, text, enc):
    """Diagnostics back to (line, column, rule, message), the column converted back to characters."""
    lines = text.split("\n")
    found = []
    for d in diags:
        line, ch = d["range"]["start"]["line"], d["range"]["start"]["character"]
        lt = lines[line]
        col = 0
        while lsp_col(lt, col + 1, enc) < ch:
            col += 1
        found.append((line + 1, col + 1, d["code"], d["message"]))
    return sorted(found)


work = pathlib.Path(tempfile.mkdtemp())
try:
    unit = work / "unit"
    shutil.copytree(EXAMPLE, unit)
    plan, onb = unit / "plan.yaml", unit / "onboarding.yaml"
    waivers = work / "waivers.yaml"
    waivers.write_text("kind: waivers\nversion: 1\nwaivers:\n  - rule: CP-13\n    unit: SE2321000065-V031\n"
                       "    reason: Ses över i maj\n    approved_by: Anna, verksamhetschef\n    expires: 2027-05-01\n")
    expected_plan = check_findings(plan)

    c = lsp_client.Client([SK, "lsp"], env=dict(os.environ, LANG="C"))
    init = c.request("initialize", {
        "processId": None, "rootUri": work.as_uri(),
        "capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}},
        "initializationOptions": {"asOf": AS_OF, "waivers": ["waivers.yaml"]}})
    caps = init["result"]["capabilities"]
    check("initialize negotiates utf-8 when the client offers it", caps.get("positionEncoding") == "utf-8", caps)
    check("initialize offers hover, completion, code actions and pull diagnostics",
          caps.get("hoverProvider") and "completionProvider" in caps and "codeActionProvider" in caps
          and "diagnosticProvider" in caps, caps)
    c.notify("initialized", {})

    # an unknown method and a malformed message: the right error, and the server goes on
    r = c.request("startklar/noSuchMethod", {})
    check("an unknown method is MethodNotFound", r.get("error", {}).get("code") == -32601, r)
    c.send_raw('{"jsonrpc": "2.0", "id": 99, "method": ')
    r = c.read()
    check("a malformed message is a ParseError", r.get("error", {}).get("code") == -32700, r)
    c.send_raw(b"Content-Type: nonsense\r\n\r\n")
    r = c.read()
    check("a message without Content-Length is a ParseError", r.get("error", {}).get("code") == -32700, r)

    plan_text, onb_text = plan.read_text(), onb.read_text()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": plan.as_uri(), "languageId": "yaml",
                                                       "version": 1, "text": plan_text}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": onb.as_uri(), "languageId": "yaml",
                                                       "version": 1, "text": onb_text}})
    c.sync()
    got = diag_set(c.diagnostics(plan.as_uri()) or [], plan_text, "utf-8")
    # the waived CP-13 is shown as a hint marked waived; check's message is the same text
    got_plain = sorted((l, col, r, m.replace(" (waived)", "")) for l, col, r, m in got)
    check("didOpen: the plan's diagnostics are check's findings (line, column, rule, message)",
          got_plain == expected_plan and len(expected_plan) > 5, (got_plain, expected_plan))
    waived = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-13"]
    check("a waived finding is a hint marked waived",
          waived and waived[0]["severity"] == 4 and "(waived)" in waived[0]["message"], waived)
    sev = {d["code"]: d["severity"] for d in c.diagnostics(plan.as_uri())}
    check("severity mapped: error 1, warning 2; source startklar",
          sev.get("CP-02") == 1 and sev.get("CP-03") == 2
          and all(d["source"] == "startklar" for d in c.diagnostics(plan.as_uri())), sev)
    onb_diags = c.diagnostics(onb.as_uri()) or []
    check("didOpen: the onboarding's diagnostics are check's findings",
          diag_set(onb_diags, onb_text, "utf-8") == check_findings(onb), onb_diags)

    # a change that creates a finding: the owner of 'behandlare' removed
    v = 2
    new_text = plan_text.replace("    owner: Projektledare Sofia Lund\n", "", 1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": v},
                                        "contentChanges": [{"text": new_text}]})
    c.sync()
    msgs = [d["message"] for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-02"]
    check("a change that creates a finding: CP-02 for 'behandlare'",
          any("'behandlare'" in m for m in msgs), msgs)

    # code actions on it: waive for 30 days
    line = next(d["range"]["start"]["line"] for d in c.diagnostics(plan.as_uri())
                if d["code"] == "CP-02" and "'behandlare'" in d["message"])

    def actions_at(line):
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": plan.as_uri()},
                                                  "range": {"start": {"line": line, "character": 0},
                                                            "end": {"line": line, "character": 0}},
                                                  "context": {"diagnostics": []}})
        return r.get("result") or []
    actions = actions_at(line)
    waive = next((a for a in actions if a["title"] == "Waive CP-02 for 30 days"), None)
    check("code action: waive for 30 days", waive, actions)
    if waive:
        (wuri, wedits), = waive["edit"]["changes"].items()
        new = wedits[0]["newText"]
        check("waive: appended to the configured waivers file at its end, with placeholders and 30 days",
              wuri == waivers.as_uri() and wedits[0]["range"]["start"]["line"] == 8
              and "- rule: CP-02" in new and "unit: SE2321000065-V031" in new
              and "path: target_groups[id=behandlare]\n" in new
              and "expires: 2027-05-10" in new and "reason:" in new and "approved_by:" in new, waive)

    # insert the missing field where a rule names the missing key (CP-01: the plan's goal),
    # with the value `init communication-plan` writes
    init_goal = next(l for l in subprocess.run([SK, "init", "communication-plan"], capture_output=True,
                                               text=True).stdout.split("\n") if l.startswith("goal: "))
    init_goal = init_goal[len("goal: "):].split("  #")[0].strip()
    line = next(d["range"]["start"]["line"] for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-01")
    insert = next((a for a in actions_at(line) if a["title"] == "Insert the missing field 'goal'"), None)
    check("code action: insert the missing field", insert, actions_at(line))
    if insert:
        (iuri, iedits), = insert["edit"]["changes"].items()
        e = iedits[0]
        lines = new_text.split("\n")
        at = e["range"]["start"]["line"]
        fixed = "\n".join(lines[:at]) + "\n" + e["newText"] + "\n".join(lines[at:])
        check("insert: a top-level line after the document's last line",
              iuri == plan.as_uri() and e["newText"] == "goal: " + init_goal + "\n" and at == len(new_text.rstrip("\n").split("\n")),
              e)
        v += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": v},
                                            "contentChanges": [{"text": fixed}]})
        c.sync()
        codes = [d["code"] for d in c.diagnostics(plan.as_uri())]
        check("the inserted field fixes the finding", "CP-01" not in codes and "input" not in codes, codes)
        new_text = fixed

    # a change that fixes a finding: elevhalsan gets an owner
    fixed = new_text.replace("    channels: [nätverksträff]\n", "    channels: [nätverksträff]\n    owner: Åsa Öberg\n", 1)
    v += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": v},
                                        "contentChanges": [{"text": fixed}]})
    c.sync()
    msgs = [d["message"] for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-02"]
    check("a change that fixes a finding: no CP-02 for 'elevhalsan'", not any("elevhalsan" in m for m in msgs), msgs)
    plan_text = fixed

    # a change given as a range (incremental): the owner line of 'vardnadshavare' deleted
    lines = plan_text.split("\n")
    vline = lines.index("    owner: Sofia Lund", lines.index("  - id: vardnadshavare"))
    v += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": v},
                                        "contentChanges": [{"range": {"start": {"line": vline, "character": 0},
                                                                      "end": {"line": vline + 1, "character": 0}},
                                                            "text": ""}]})
    c.sync()
    msgs = [d["message"] for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-02"]
    check("a ranged change is applied: CP-02 for 'vardnadshavare'", any("'vardnadshavare'" in m for m in msgs), msgs)
    v += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": v},
                                        "contentChanges": [{"text": plan_text}]})

    # a change in the onboarding re-judges the plan: the launch dates disagree (UN-01)
    before = len(c.notifications)
    onb2 = onb_text.replace("launch_date: 2027-03-01", "launch_date: 2027-05-01", 1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": onb.as_uri(), "version": 2},
                                        "contentChanges": [{"text": onb2}]})
    c.sync()
    later = [n["params"]["uri"] for n in c.notifications[before:] if n["method"] == "textDocument/publishDiagnostics"]
    un01 = [d for u in (plan, onb) for d in (c.diagnostics(u.as_uri()) or []) if d["code"] == "UN-01"]
    check("a change in one document re-judges the other open document of its unit",
          plan.as_uri() in later and onb.as_uri() in later and un01, (later, un01))

    # closing the onboarding: its diagnostics cleared, the plan judged with the file on disk again
    c.notify("textDocument/didClose", {"textDocument": {"uri": onb.as_uri()}})
    c.sync()
    un01 = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "UN-01"]
    check("didClose: the closed document's diagnostics cleared, its unit judged from disk",
          c.diagnostics(onb.as_uri()) == [] and not un01, (c.diagnostics(onb.as_uri()), un01))

    # columns on a line with å, ä, ö and an emoji: an unknown key after them
    line_text = "unit: {name: Barn- och ungdomspsykiatrin Växjö 😀 åäö, hsa_id: SE2321000065-V031, färg: blå}"
    emoji_text = plan_text.replace(
        "unit: {name: Barn- och ungdomspsykiatrin Växjö, hsa_id: SE2321000065-V031}", line_text, 1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": 99},
                                        "contentChanges": [{"text": emoji_text}]})
    c.sync()
    bad = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "input"]
    want = len(line_text[:line_text.index("färg")].encode("utf-8"))
    check("utf-8: the column of a key after å, ä, ö and an emoji is its byte offset",
          bad and bad[0]["range"]["start"] == {"line": 5, "character": want}, (bad, want))
    pull = c.request("textDocument/diagnostic", {"textDocument": {"uri": plan.as_uri()}})
    check("pull diagnostics equal the pushed ones",
          pull["result"]["kind"] == "full" and pull["result"]["items"] == c.diagnostics(plan.as_uri()), pull)
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": 100},
                                        "contentChanges": [{"text": plan_text}]})
    c.sync()

    # hover on a finding, and on a rule id
    d = next(d for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-03")
    r = c.request("textDocument/hover", {"textDocument": {"uri": plan.as_uri()}, "position": d["range"]["start"]})
    value = (r.get("result") or {}).get("contents", {}).get("value", "")
    explain = subprocess.run([SK, "rules", "explain", "CP-03"], capture_output=True, text=True).stdout
    title = explain.split("\n")[0]
    check("hover on a finding: its rule, title, message and explanation",
          "**CP-03**" in value and d["message"] in value and "does not state what it should feel" in value
          and "Fix" in value, (value, title))
    r = c.request("textDocument/hover", {"textDocument": {"uri": waivers.as_uri()},
                                         "position": {"line": 3, "character": 12}})
    value = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover on a rule id in a waivers file", "**CP-13**" in value, r)

    # completion: a closed vocabulary from the schema, and target-group ids in an activity
    schema = json.loads(subprocess.run([SK, "schema", "communication-plan"], capture_output=True, text=True).stdout)

    def find_enum(node, key):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == key and isinstance(v, dict) and "enum" in v:
                    return v["enum"]
                e = find_enum(v, key)
                if e:
                    return e
        elif isinstance(node, list):
            for v in node:
                e = find_enum(v, key)
                if e:
                    return e
        return None
    audience = [w for w in find_enum(schema, "audience") or [] if w is not None]
    lines = plan_text.split("\n")
    aline = next(i for i, l in enumerate(lines) if l.startswith("    audience: "))
    r = c.request("textDocument/completion", {"textDocument": {"uri": plan.as_uri()},
                                              "position": {"line": aline, "character": len("    audience: ")}})
    labels = sorted(i["label"] for i in r["result"]["items"])
    check("completion of audience: the schema's vocabulary", audience and labels == sorted(audience), (labels, audience))
    tline = next(i for i, l in enumerate(lines) if l == "        target_groups: [behandlar]")
    r = c.request("textDocument/completion", {"textDocument": {"uri": plan.as_uri()},
                                              "position": {"line": tline, "character": len("        target_groups: [beh")}})
    labels = [i["label"] for i in r["result"]["items"]]
    check("completion in an activity's target_groups: the plan's target-group ids",
          labels == ["behandlare", "vardnadshavare", "ungdomar", "elevhalsan", "lakare"], labels)

    # a document that is not YAML
    junk = unit / "notes.yaml"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": junk.as_uri(), "languageId": "yaml", "version": 1,
                                                       "text": "kind: [unclosed\n\t: : :\n"}})
    c.sync()
    jd = c.diagnostics(junk.as_uri()) or []
    check("a document that is not YAML: a load-error diagnostic", jd and jd[0]["code"] == "input"
          and "YAML" in jd[0]["message"], jd)

    other = unit / "ci.yaml"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": other.as_uri(), "languageId": "yaml", "version": 1,
                                                       "text": "on: [push]\njobs: {build: {runs-on: debian}}\n"}})
    c.sync()
    check("another tool's YAML file gets no diagnostics", c.diagnostics(other.as_uri()) == [],
          c.diagnostics(other.as_uri()))

    # a rule that loops: a rule error on the unit's documents, and the server goes on
    rules = work / "rules"
    rules.mkdir()
    (rules / "LOOP-01.lua").write_text(
        'return { id = "LOOP-01", severity = "error", applies_to = "communication-plan",\n'
        '  title = "loops", check = function(doc, report) while true do end end }\n')
    (rules / "FIX-01.lua").write_text(
        'return { id = "FIX-01", severity = "info", applies_to = "communication-plan",\n'
        '  title = "a title to fix", fix = { en = "Write the title again.", sv = "Skriv om rubriken." },\n'
        '  check = function(doc, report) report { path = { "title" }, message = "fix me" } end }\n')
    (rules / "FAIL-01.lua").write_text(
        'return { id = "FAIL-01", severity = "error", applies_to = "communication-plan",\n'
        '  title = "fails", check = function(doc, report) error("no such thing") end }\n')
    c.notify("workspace/didChangeConfiguration", {"settings": {"startklar": {
        "asOf": AS_OF, "rules": [str(rules)], "waivers": ["waivers.yaml"]}}})
    c.sync()
    loops = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "LOOP-01" and "stopped" in d["message"]]
    fails = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "FAIL-01"
             and "no such thing" in d["message"]]
    still = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-03"]
    check("a rule that loops and one that fails: rule-error diagnostics, the other rules still judged",
          loops and fails and still and loops[0]["severity"] == 1, c.diagnostics(plan.as_uri()))

    d = next((d for d in c.diagnostics(plan.as_uri()) if d["code"] == "FIX-01"), None)
    r = c.request("textDocument/hover", {"textDocument": {"uri": plan.as_uri()},
                                         "position": d["range"]["start"] if d else {"line": 0, "character": 0}})
    value = ((r.get("result") or {}).get("contents") or {}).get("value", "")
    check("hover shows a rule's fix (RULE-API revision 2)", d and d["severity"] == 3
          and "**Fix:** Write the title again." in value and "a title to fix" in value, (d, value))

    r = c.request("shutdown")
    check("shutdown answers null", "result" in r and r["result"] is None, r)
    c.notify("exit")
    rc = c.proc.wait(timeout=60)
    check("exit after shutdown ends the server with 0", rc == 0, (rc, c.proc.stderr.read()))

    # a client that offers no encoding gets utf-16: the same key, in UTF-16 code units
    c = lsp_client.Client([SK, "lsp"])
    r = c.request("textDocument/hover", {"textDocument": {"uri": plan.as_uri()},
                                         "position": {"line": 0, "character": 0}})
    check("a request before initialize: ServerNotInitialized", r.get("error", {}).get("code") == -32002, r)
    init = c.request("initialize", {"rootUri": work.as_uri(), "capabilities": {},
                                    "initializationOptions": {"asOf": AS_OF}})
    check("initialize without an offer: utf-16",
          init["result"]["capabilities"]["positionEncoding"] == "utf-16", init)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": plan.as_uri(), "languageId": "yaml",
                                                       "version": 1, "text": emoji_text}})
    c.sync()
    bad = [d for d in c.diagnostics(plan.as_uri()) if d["code"] == "input"]
    want16 = len(line_text[:line_text.index("färg")].encode("utf-16-le")) // 2
    check("utf-16: the column counts the emoji as two units, å as one",
          bad and bad[0]["range"]["start"] == {"line": 5, "character": want16} and want16 != want, (bad, want16))
    # a byte order mark: the loader's columns start after it, the editor's count it
    bom = unit / "bom.yaml"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": bom.as_uri(), "languageId": "yaml", "version": 1,
                                                       "text": "\ufeffkind: nonsense\nversion: 1\n"}})
    c.sync()
    bd = c.diagnostics(bom.as_uri()) or []
    check("a byte order mark counts in the first line's columns",
          bd and bd[0]["range"]["start"] == {"line": 0, "character": 7}, bd)
    c.notify("exit")
    rc = c.proc.wait(timeout=60)
    check("exit without shutdown ends the server with 1", rc == 1, rc)

    # in Swedish: the findings as `check --lang sv` words them, the quick fixes too
    plan.write_text(plan_text)
    waivers.unlink()
    c = lsp_client.Client([SK, "lsp"])
    c.request("initialize", {"rootUri": work.as_uri(), "capabilities": {},
                             "initializationOptions": {"asOf": AS_OF, "lang": "sv", "waivers": [str(waivers)]}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": plan.as_uri(), "languageId": "yaml",
                                                       "version": 1, "text": plan_text}})
    c.sync()
    got = diag_set(c.diagnostics(plan.as_uri()) or [], plan_text, "utf-16")
    want = check_findings(plan, "--lang", "sv")
    check("lang sv: the diagnostics are check --lang sv's findings", got == want and got, (got, want))
    d = next(d for d in c.diagnostics(plan.as_uri()) if d["code"] == "CP-02")
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": plan.as_uri()},
                                              "range": {"start": d["range"]["start"], "end": d["range"]["start"]},
                                              "context": {"diagnostics": [d]}})
    titles = [a["title"] for a in r["result"]]
    changes = r["result"][0]["edit"].get("documentChanges", []) if r["result"] else []
    new = changes[1]["edits"][0]["newText"] if len(changes) == 2 else ""
    check("lang sv: the quick fix in Swedish; a waivers file not there yet is created with its header",
          "Gör undantag från CP-02 i 30 dagar" in titles and changes[0] == {
              "kind": "create", "uri": waivers.as_uri(), "options": {"ignoreIfExists": True}}
          and new.startswith("kind: waivers\nversion: 1\nwaivers:\n") and "ATT GÖRA" in new, (titles, changes))
    r = c.request("textDocument/hover", {"textDocument": {"uri": plan.as_uri()}, "position": d["range"]["start"]})
    value = r["result"]["contents"]["value"]
    check("lang sv: hover in Swedish", "Allvarlighetsgrad" in value and d["message"] in value, value)
    c.request("shutdown")
    c.notify("exit")
    check("the Swedish session ends with 0", c.proc.wait(timeout=60) == 0)

    # a profile that is not there: the editor says what the CLI says, in its
    # language and at its place (a misspelt name; extends: misspelt at
    # file:line:column; a path that is not there, with no line 0)
    typo = work / "extends-typo.yaml"
    typo.write_text("kind: profile\nversion: 1\nextends: prelaunh\n")
    for lang, label in (("sv", "fel i policy: "), ("en", "policy error: ")):
        for profile in ("prelaunh", str(typo), "nothere/p.yaml"):
            cli = subprocess.run([SK, "check", "--lang", lang, "--as-of", AS_OF, "--profile", profile, str(plan)],
                                 capture_output=True, text=True, cwd=work).stdout
            said = [ln.strip().replace(label, "", 1) for ln in cli.splitlines() if label in ln]
            if profile.startswith("nothere"):  # the CLI names the path as given, the editor as resolved
                said = [str(work) + "/" + m for m in said]
            c = lsp_client.Client([SK, "lsp"])
            c.request("initialize", {"rootUri": work.as_uri(), "capabilities": {},
                                     "initializationOptions": {"asOf": AS_OF, "lang": lang, "profile": profile}})
            c.notify("textDocument/didOpen", {"textDocument": {"uri": plan.as_uri(), "languageId": "yaml",
                                                               "version": 1, "text": plan_text}})
            c.sync()
            shown = [d["message"] for d in c.diagnostics(plan.as_uri()) or [] if d["code"] == "policy"]
            check("lang %s, profile %s: the editor's error is the CLI's" % (lang, profile),
                  len(said) == 1 and shown == said, (shown, said))
            c.request("shutdown")
            c.notify("exit")
            c.proc.wait(timeout=60)
finally:
    shutil.rmtree(work)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
