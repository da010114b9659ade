#!/usr/bin/env bash
# Regenerates the generated documentation from the built binary: docs/parameters.md
# (`parksim describe`), docs/levers.md (`parksim describe --levers`) and the generated blocks of
# docs/ODD.md (between `<!-- BEGIN GENERATED: describe <flag> -->` and `<!-- END GENERATED -->`).
# Usage: tools/update_docs.sh [path/to/parksim]   (default build/parksim)
set -euo pipefail
cd "$(dirname "$0")/.."
parksim="${1:-build/parksim}"
[[ -x "$parksim" ]] || { echo "update_docs.sh: no binary $parksim (build first: tools/build.sh)" >&2; exit 1; }
"$parksim" describe > docs/parameters.md.new && mv docs/parameters.md.new docs/parameters.md
"$parksim" describe --levers > docs/levers.md.new && mv docs/levers.md.new docs/levers.md
/usr/bin/python3 - "$parksim" docs/ODD.md <<'PY'
import re, subprocess, sys
parksim, doc = sys.argv[1], sys.argv[2]
text = open(doc, encoding="utf-8").read()
pattern = re.compile(r"(<!-- BEGIN GENERATED: describe (\S+) -->\n)(.*?)(<!-- END GENERATED -->)", re.S)
def block(m):
    out = subprocess.run([parksim, "describe", m.group(2)], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    return m.group(1) + out + m.group(4)
new, n = pattern.subn(block, text)
if n == 0:
    sys.exit(f"update_docs.sh: {doc} has no generated block")
if new != text:
    open(doc + ".new", "w", encoding="utf-8").write(new)
    import os; os.replace(doc + ".new", doc)
print(f"{doc}: {n} generated blocks")
PY
echo "updated docs/parameters.md, docs/levers.md, docs/ODD.md"
