#!/usr/bin/env python3
"""browser.py: drives Debian's headless chromium over the DevTools protocol
(--remote-debugging-pipe: JSON messages on fds 3 and 4, each ended by NUL;
python3's standard library only, no npm browser download) for browser.sh.

  browser.py CHROMIUM PAGE.html MODE WIDTH HEIGHT
  MODE: js    load the page with JavaScript, print the results of CHECKS_JS
        nojs  load it with scripts disabled (--blink-settings=scriptEnabled=false),
              click the first unit's <summary> with a real mouse event and
              print what is visible
        print print to PDF (A4): the pages, the text on each, where the summary
              starts (the dashboard; null for a page without one)
        time  the page's navigation timing (docs/performance.md)

Prints one JSON object on stdout; the shell script asserts on it."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zlib

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--remote-debugging-pipe"]


class Browser:
    def __init__(self, chromium, extra):
        self.profile = tempfile.mkdtemp(prefix="sk-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # chromium reads commands on fd 3 and writes replies on fd 4 (set after
        # the fork; close_fds would close them again, so the parent's ends are
        # marked close-on-exec instead)
        os.set_inheritable(self.to_child, False)
        os.set_inheritable(self.from_child, False)
        def fds():
            r, w = os.dup(to_child_r), os.dup(from_child_w)  # neither is 3 or 4 any more
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen([chromium] + FLAGS + extra + ["--user-data-dir=" + self.profile, "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=fds, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf, self.next_id, self.events, self.session = b"", 0, [], None

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.monotonic() > deadline:
                raise SystemExit("chromium did not answer in time")
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True, timeout=120):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise SystemExit("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, name, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == name:
                    del self.events[i]
                    return m
            self.events.append(self._read(deadline))

    def open(self, url, width, height, metrics=False):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.send("Page.enable")
        if metrics:
            self.send("Performance.enable", {"timeDomain": "threadTicks"})
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700})
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def eval(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise SystemExit("page: %s" % json.dumps(r["exceptionDetails"])[:600])
        return r["result"].get("value")

    def click(self, selector):
        box = self.eval("(function(){var r=document.querySelector(%s).getBoundingClientRect();"
                        "window.scrollTo(0, r.top + window.scrollY - 100);"
                        "r=document.querySelector(%s).getBoundingClientRect();"
                        "return [r.left + 5, r.top + r.height / 2];})()" % (json.dumps(selector), json.dumps(selector)))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1})

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=30)
        except SystemExit:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        subprocess.run(["rm", "-rf", self.profile])


# What the page does with JavaScript, measured in the page: its width at the
# window's size, the filters and the sorting. Each answer is data for the shell.
CHECKS_JS = r"""
(function(){
 function visible(){return Array.prototype.filter.call(document.querySelectorAll('#units>tbody.unit'),
   function(b){return !b.hidden && b.getClientRects().length>0;}).map(function(b){return b.getAttribute('data-id');});}
 var out={};
 out.width=document.scrollingElement.scrollWidth;
 out.window=window.innerWidth;
 out.wide=Array.prototype.filter.call(document.querySelectorAll('body *'),function(e){
   var r=e.getBoundingClientRect();return r.width>0&&r.right>window.innerWidth+1;}).slice(0,5).map(function(e){
   return e.tagName+'#'+e.id+'.'+e.className;});
 out.units=visible();
 out.shown=document.getElementById('shown').textContent;
 var st=document.getElementById('f-status');
 st.value='fail';st.dispatchEvent(new Event('change'));
 out.fail=visible();
 st.value='';st.dispatchEvent(new Event('change'));
 var q=document.getElementById('f-text');
 q.value=window.SK_QUERY||'';q.dispatchEvent(new Event('input'));
 out.query=visible();
 q.value='';q.dispatchEvent(new Event('input'));
 var rule=document.getElementById('f-rule');
 rule.value=window.SK_RULE||'';rule.dispatchEvent(new Event('change'));
 out.rule=visible();
 rule.value='';rule.dispatchEvent(new Event('change'));
 var th=document.querySelector('#units>thead th[data-key=error]');
 th.click();out.sort_error_asc=visible().map(function(id){return [id,Number(document.querySelector('tbody[data-id="'+id+'"]').getAttribute('data-error'))];});
 th.click();out.sort_error_desc=visible();
 document.querySelector('#units>thead th[data-key=id]').click();out.sort_id=visible();
 out.todo=document.querySelectorAll('#todo details.owner').length;
 document.getElementById('expand').click();
 out.opened=document.querySelectorAll('details[open]').length;
 out.details=document.querySelectorAll('details').length;
 out.width_open=document.scrollingElement.scrollWidth;
 out.wide_open=Array.prototype.filter.call(document.querySelectorAll('body *'),function(e){
   var r=e.getBoundingClientRect();return r.width>0&&r.right>window.innerWidth+1;}).slice(0,5).map(function(e){
   return e.tagName+'#'+e.id+'.'+e.className;});
 return JSON.stringify(out);
})()
"""

CHECKS_NOJS = r"""
(function(){
 var d=document.querySelector('tbody.unit[data-status=fail] details.unit'),t=d&&d.querySelector('.findings');
 return JSON.stringify({shown:document.getElementById('shown').textContent,
   open:d?d.open:null,
   findings_height:t?t.getBoundingClientRect().height:0,
   text:t?t.innerText.slice(0,300):'',
   width:document.scrollingElement.scrollWidth});
})()
"""


def pdf_pages(data):
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def pdf_texts(data):
    """The number of text operators on each page of the PDF, in order: 0 is a blank page."""
    objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    counts = []
    for body in objs.values():
        if not re.search(rb"/Type\s*/Page[^s]", body):
            continue
        c = re.search(rb"/Contents\s+(\d+) 0 R", body)
        stream = re.search(rb"stream\r?\n(.*?)\r?\nendstream", objs.get(int(c.group(1)), b"") if c else b"", re.S)
        text = stream.group(1) if stream else b""
        try:
            text = zlib.decompress(text)
        except zlib.error:
            pass
        counts.append(text.count(b"Tj") + text.count(b"TJ"))
    return counts


def main():
    chromium, page, mode, width, height = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    extra = ["--blink-settings=scriptEnabled=false"] if mode == "nojs" else []
    b = Browser(chromium, extra)
    try:
        b.open("file://" + os.path.abspath(page), width, height, metrics=mode == "time")
        if mode == "js":
            if len(sys.argv) > 6:
                b.eval("window.SK_QUERY=%s;window.SK_RULE=%s;" % (json.dumps(sys.argv[6]), json.dumps(sys.argv[7])))
            print(b.eval(CHECKS_JS))
        elif mode == "time":
            # the navigation timing of the page: ms from the start to the end of the load event (docs/performance.md)
            # and the CPU time of the page's main thread and its renderer process, which another
            # job on the machine does not stretch as it stretches the wall-clock time
            got = json.loads(b.eval("JSON.stringify((function(){var n=performance.getEntriesByType('navigation')[0];"
                                    "return {dom:Math.round(n.domContentLoadedEventEnd),load:Math.round(n.loadEventEnd),"
                                    "units:document.querySelectorAll('tbody.unit').length};})())"))
            m = {x["name"]: x["value"] for x in b.send("Performance.getMetrics")["metrics"]}
            got.update({k: round(m[k], 2) for k in ("ThreadTime", "ProcessTime", "TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "Nodes") if k in m})
            print(json.dumps(got))
        elif mode == "nojs":
            before = json.loads(b.eval(CHECKS_NOJS))
            b.click("tbody.unit[data-status=fail] details.unit>summary")
            after = json.loads(b.eval(CHECKS_NOJS))
            print(json.dumps({"before": before, "after": after}))
        elif mode == "print":
            r = b.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False,
                                           "preferCSSPageSize": True})
            import base64
            data = base64.b64decode(r["data"])
            with open(page + ".pdf", "wb") as f:
                f.write(data)
            # laid out as printed (A4's width less the margins, in CSS px): where the summary starts
            b.send("Emulation.setEmulatedMedia", {"media": "print"})
            b.send("Emulation.setDeviceMetricsOverride", {"width": 703, "height": 1077, "deviceScaleFactor": 1,
                                                          "mobile": False})
            pos = json.loads(b.eval("JSON.stringify((function(){var s=document.getElementById('summary'),"
                                    "c=document.getElementById('controls');if(!s)return {top:null,controls:null};"
                                    "return {top:s.getBoundingClientRect().top+window.scrollY,"
                                    "controls:getComputedStyle(c).display};})())"))
            print(json.dumps({"pages": pdf_pages(data), "texts": pdf_texts(data), "summary_top": pos["top"],
                              "controls": pos["controls"], "page_height": 1077}))
    finally:
        b.close()


if __name__ == "__main__":
    main()
