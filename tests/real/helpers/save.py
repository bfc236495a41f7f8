"""usage: python3 save.py OUT_FILE < stage.json
stdin holds ONE JSON string literal (the excerpt exactly as the search tool returned it,
copied with its escapes). Writes the decoded string to OUT_FILE, byte for byte, UTF-8."""

import json
import pathlib
import sys

text = json.loads(sys.stdin.read())
assert isinstance(text, str) and text.strip(), "stdin must be a non-empty JSON string literal"
pathlib.Path(sys.argv[1]).write_text(text, encoding="utf-8")
print(f"wrote {sys.argv[1]}: {len(text)} chars")
