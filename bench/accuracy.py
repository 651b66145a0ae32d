#!/usr/bin/env python3
"""Measures scopelint's precision and recall on an annotated corpus (default bench/heldout/).

Usage: bench/accuracy.py [SCOPELINT_BINARY [CORPUS_DIR]]   (default: build/scopelint bench/heldout)

Each corpus file is scanned alone (one scan per file, --no-cache), once with --format=json for
the findings and once with --dump-facts for the calls. The expected results are the annotations
in the file's comments:

  // api: GET /api/2.0/patients/{id}/            an Elation API call the program makes
  // expect-error [missing-scope] {{system/x}}   a finding a careful reviewer expects
                                                 (also expect-warning, expect-note)

Findings are matched per file by rule and message substring, ignoring the line and the level;
each expectation is matched at most once. Notes attached to a finding are not findings.
Calls are matched per file as distinct (method, path) pairs, the path taken after /api/2.0
without its query, with every id or run-time segment ({id}, {}, digits) written {}.
The script measures and always exits 0 (2 only when it cannot run at all).
"""

import json
import os
import re
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "bench", "heldout")
QT = "/usr/include/x86_64-linux-gnu/qt5"
QT_FLAGS = ["-fPIC", "-I" + QT, "-I" + QT + "/QtCore", "-I" + QT + "/QtNetwork"]

EXPECT_RE = re.compile(r"expect-(error|warning|note)\s+\[([A-Za-z0-9_-]+)\]\s+\{\{(.*?)\}\}")
API_RE = re.compile(r"\bapi:\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\S+)")
TOKEN_PATH = "/oauth2/token/"


def corpus_files():
    out = []
    for d, _, names in os.walk(CORPUS):
        for n in names:
            if n.endswith((".c", ".cpp", ".cc", ".cxx", ".m", ".mm")):
                out.append(os.path.join(d, n))
    return sorted(out)


def compile_flags(path):
    rel = os.path.relpath(path, CORPUS)
    if path.endswith(".c"):
        return ["-std=c11"]
    if path.endswith(".m"):
        return []  # Objective-C: scopelint's own defaults (blocks, Apple's runtime), Foundation's stub
    flags = ["-std=c++17"]
    if rel.split(os.sep)[0] == "qt":
        flags += QT_FLAGS
    return flags


def normalise_path(path):
    """'/api/2.0/patients/{}/?x=1' -> '/patients/{}/' ; None when not under /api/2.0 or not
    a concrete endpoint (a run-time part inside a segment, or an empty path)."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    marker = "/api/2.0"
    i = path.find(marker)
    if i < 0:
        return None
    rest = path[i + len(marker):]
    if not rest.startswith("/"):
        return None
    segs = rest.split("/")
    norm = []
    for s in segs:
        if s == "":
            norm.append(s)
        elif re.fullmatch(r"\{[^{}/]*\}", s) or s.isdigit():
            norm.append("{}")
        elif "{" in s or "}" in s:
            return None  # a run-time part glued to literal text: not one endpoint
        else:
            norm.append(s)
    result = "/".join(norm)
    if result in ("", "/"):
        return None
    return result


def is_elation_host(host):
    if host is None:
        return True  # unknown host: judged by the /api/2.0 path
    host = host.lower()
    if "{" in host:
        return True  # run-time host (configuration): judged by the path
    return host == "elationemr.com" or host.endswith(".elationemr.com")


def host_of(text):
    if not text:
        return None
    if "://" in text:
        netloc = text.split("://", 1)[1].split("/", 1)[0]
    elif text.startswith("/"):
        return None
    else:
        netloc = text.split("/", 1)[0]
    return netloc.rsplit("@", 1)[-1].split(":", 1)[0] or None


def effective_url(call):
    url = call.get("url")
    base = call.get("base")
    if url is None:
        return None, None
    if "://" in url or url.startswith("{}"):
        return host_of(url), url
    if base:
        host = host_of(base)
        base_path = ""
        if "://" in base:
            rest = base.split("://", 1)[1]
            base_path = "/" + rest.split("/", 1)[1] if "/" in rest else ""
        # As scopelint joins them: the URL goes after the base's path (cpprestsdk appends it).
        if url.startswith("/"):
            return host, base_path.rstrip("/") + url
        if not base_path.endswith("/"):
            base_path += "/"
        return host, base_path + url
    return None, url


def resolved_elation_calls(facts):
    """Distinct (method, normalised path) of the resolved Elation API calls (token requests left out)."""
    pairs = set()
    unresolved = 0
    for call in facts.get("calls", []):
        host, url = effective_url(call)
        if not is_elation_host(host):
            continue
        if url is not None and TOKEN_PATH in url.split("?", 1)[0]:
            continue
        method = call.get("method")
        state = call.get("unresolved", {})
        norm = normalise_path(url) if url is not None else None
        if (method is None or state.get("method") != "known" or state.get("url") != "known"
                or norm is None):
            if url is None or "/api/2.0" in (url or "") or host is not None:
                unresolved += 1
            continue
        pairs.add((method.upper(), norm))
    return pairs, unresolved


def read_expectations(path):
    expected, calls = [], set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            for m in EXPECT_RE.finditer(line):
                expected.append({"level": m.group(1), "rule": m.group(2), "text": m.group(3), "line": lineno})
            for m in API_RE.finditer(line):
                norm = normalise_path(m.group(2))
                if norm is None:
                    raise SystemExit("bench/accuracy.py: %s:%d: bad api annotation %r" % (path, lineno, m.group(0)))
                calls.add((m.group(1), norm))
    return expected, calls


def run(cmd):
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode == 2 or not p.stdout.strip():
        sys.stderr.write("bench/accuracy.py: %s failed (%d): %s\n" % (" ".join(cmd), p.returncode, p.stderr.strip()))
        return None
    return json.loads(p.stdout)


def match_findings(expected, reported):
    """Returns (matched expectations, unmatched expectations, unmatched reported findings)."""
    left = list(reported)
    hit, miss = [], []
    for e in expected:
        for i, r in enumerate(left):
            if r["rule"] == e["rule"] and e["text"] in r["message"]:
                hit.append((e, r))
                del left[i]
                break
        else:
            miss.append(e)
    return hit, miss, left


def ratio(a, b):
    return "  -  " if b == 0 else "%5.1f" % (100.0 * a / b)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "scopelint")
    binary = os.path.abspath(binary)
    global CORPUS
    if len(sys.argv) > 2:
        CORPUS = os.path.abspath(sys.argv[2])
    if not os.access(binary, os.X_OK):
        sys.stderr.write("bench/accuracy.py: no scopelint binary at %s (build it first)\n" % binary)
        return 2
    files = corpus_files()
    if not files:
        sys.stderr.write("bench/accuracy.py: no corpus files under %s\n" % CORPUS)
        return 2

    rows, misses, false_alarms = [], [], []
    call_misses, call_false = [], []
    tot = dict(f_exp=0, f_rep=0, f_hit=0, c_ann=0, c_res=0, c_hit_r=0, c_hit_p=0, unres=0)
    strict = dict(exp=0, rep=0, hit=0)  # warnings and errors only (notes left out on both sides)
    for path in files:
        rel = os.path.relpath(path, ROOT)
        expected, annotated = read_expectations(path)
        flags = compile_flags(path)
        report = run([binary, "--no-cache", "--quiet", "--no-progress", "--format=json", rel, "--"] + flags)
        facts = run([binary, "--no-cache", "--quiet", "--no-progress", "--dump-facts", rel, "--"] + flags)
        reported = report.get("findings", []) if report else []
        hit, miss, extra = match_findings(expected, reported)
        s_hit, s_miss, s_extra = match_findings([e for e in expected if e["level"] != "note"],
                                                [r for r in reported if r.get("level") != "note"])
        strict["exp"] += len(s_hit) + len(s_miss)
        strict["rep"] += len(s_hit) + len(s_extra)
        strict["hit"] += len(s_hit)
        found, unresolved = resolved_elation_calls(facts) if facts else (set(), 0)
        c_hit_r = len(annotated & found)
        c_hit_p = len(found & annotated)
        short = os.path.relpath(path, CORPUS)
        for e in miss:
            misses.append("%s: expected %s [%s] {{%s}}" % (short, e["level"], e["rule"], e["text"]))
        for r in extra:
            false_alarms.append("%s:%s: %s: %s [%s]" % (short, r.get("line"), r.get("level"), r.get("message"), r.get("rule")))
        for m, p in sorted(annotated - found):
            call_misses.append("%s: %s /api/2.0%s" % (short, m, p))
        for m, p in sorted(found - annotated):
            call_false.append("%s: %s /api/2.0%s" % (short, m, p))
        rows.append((short, len(expected), len(reported), len(hit), len(annotated), len(found), c_hit_r, unresolved))
        tot["f_exp"] += len(expected)
        tot["f_rep"] += len(reported)
        tot["f_hit"] += len(hit)
        tot["c_ann"] += len(annotated)
        tot["c_res"] += len(found)
        tot["c_hit_r"] += c_hit_r
        tot["c_hit_p"] += c_hit_p
        tot["unres"] += unresolved

    w = max(len(r[0]) for r in rows) + 2
    print("%-*s %5s %5s %5s %6s %6s | %5s %5s %5s %6s %6s %5s" % (
        w, "file", "f.exp", "f.rep", "f.ok", "f.prec", "f.rec", "c.ann", "c.res", "c.ok", "c.prec", "c.rec", "unres"))
    for short, fe, fr, fh, ca, cr, ch, un in rows:
        print("%-*s %5d %5d %5d %6s %6s | %5d %5d %5d %6s %6s %5d" % (
            w, short, fe, fr, fh, ratio(fh, fr), ratio(fh, fe), ca, cr, ch, ratio(ch, cr), ratio(ch, ca), un))
    print("%-*s %5d %5d %5d %6s %6s | %5d %5d %5d %6s %6s %5d" % (
        w, "TOTAL", tot["f_exp"], tot["f_rep"], tot["f_hit"], ratio(tot["f_hit"], tot["f_rep"]),
        ratio(tot["f_hit"], tot["f_exp"]), tot["c_ann"], tot["c_res"], tot["c_hit_r"],
        ratio(tot["c_hit_p"], tot["c_res"]), ratio(tot["c_hit_r"], tot["c_ann"]), tot["unres"]))
    print()
    print("findings: precision %s%% (%d of %d reported were expected), recall %s%% (%d of %d expected were reported)" % (
        ratio(tot["f_hit"], tot["f_rep"]).strip(), tot["f_hit"], tot["f_rep"],
        ratio(tot["f_hit"], tot["f_exp"]).strip(), tot["f_hit"], tot["f_exp"]))
    print("          warnings and errors only: precision %s%% (%d of %d), recall %s%% (%d of %d)" % (
        ratio(strict["hit"], strict["rep"]).strip(), strict["hit"], strict["rep"],
        ratio(strict["hit"], strict["exp"]).strip(), strict["hit"], strict["exp"]))
    print("calls:    precision %s%% (%d of %d resolved were annotated), recall %s%% (%d of %d annotated were found)" % (
        ratio(tot["c_hit_p"], tot["c_res"]).strip(), tot["c_hit_p"], tot["c_res"],
        ratio(tot["c_hit_r"], tot["c_ann"]).strip(), tot["c_hit_r"], tot["c_ann"]))
    print("          (%d Elation call sites left unresolved in the facts)" % tot["unres"])
    for title, items in (("missed findings", misses), ("false alarms", false_alarms),
                         ("missed calls", call_misses), ("calls not in the annotations", call_false)):
        print()
        print("%s (%d):" % (title, len(items)))
        for it in items:
            print("  " + it)
    return 0


if __name__ == "__main__":
    sys.exit(main())
