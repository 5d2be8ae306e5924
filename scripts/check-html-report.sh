#!/usr/bin/env bash
# Opens Pathway's HTML reports in a real headless browser (Debian's chromium) and checks that
# they render: chromium exits cleanly, the rendered DOM has the report's headings and charts,
# and a screenshot is not blank. Usage: scripts/check-html-report.sh [OUTPUT-DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
if ! command -v chromium >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium
fi
swift build --product pathway >/dev/null
bin=.build/debug/pathway
export PATHWAY_HOME="$out/home" NO_COLOR=1
# A learner who has done some of the path, with a portfolio piece and a hostile answer.
printf 'start fund-role-intro\n\na\nb\n<script>alert(1)</script> "quoted", text\n0.5\nnext\n' | "$bin" --seed 3 >/dev/null
# Skip to the lesson's reflection (its last step) and write a portfolio piece.
steps=$(python3 -c "import yaml; s = yaml.safe_load(open('curricula/ai-pm-portfolio-career/lessons/career-problem-statement.yaml'))['steps']; print(next(i for i, x in enumerate(s) if x['type'] == 'reflection'))")
{ printf 'start career-problem-statement\ny\n'; for _ in $(seq "$steps"); do printf 'skip\n'; done
  printf 'Support agents cannot see which tickets are urgent; I will cut first response on them to under an hour.\n.\nall\n'; } \
    | "$bin" --seed 3 >/dev/null
"$bin" report --format html --out "$out/report.html"
"$bin" portfolio export --format html --out "$out/portfolio.html"

python3 - "$out" <<'PY'
import os, struct, subprocess, sys, zlib

out = sys.argv[1]
failures = 0

def png_ink(path):
    """Share of pixels that differ from the most common colour (the page background)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, colour = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {2: 3, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]; c = prev[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    counts = {}
    for row in rows:
        for x in range(0, stride, channels):
            key = row[x:x + 3]; counts[key] = counts.get(key, 0) + 1
    background = max(counts.values())
    return 1 - background / (width * height)

for name, needles in [("report.html", ["<h1", "<svg", "Skills", "Portfolio"]), ("portfolio.html", ["<h1", "Problem statement", "<li><strong>Users and struggle</strong>", "<time datetime="])]:
    page = os.path.join(out, name)
    url = "file://" + os.path.abspath(page)
    base = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400"]
    dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
    shot = subprocess.run(base + [f"--screenshot={page}.png", url], capture_output=True, text=True, timeout=120)
    missing = [n for n in needles if n not in dom.stdout]
    raw_script = "<script>alert(1)</script>" in dom.stdout
    ink = png_ink(page + ".png") if os.path.exists(page + ".png") else 0
    ok = dom.returncode == 0 and shot.returncode == 0 and not missing and not raw_script and ink > 0.02
    failures += 0 if ok else 1
    print(f"{name}: chromium exit {dom.returncode}/{shot.returncode}, DOM {len(dom.stdout)} chars, "
          f"missing {missing or 'nothing'}, script injected: {raw_script}, non-background pixels {ink:.1%} -> {'ok' if ok else 'FAILED'}")
print(f"screenshots in {out}")
sys.exit(1 if failures else 0)
PY
