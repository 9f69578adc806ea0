#!/usr/bin/env python3
"""The markdown side of tests/docs/guide_blocks_test.sh (see its header for the conventions).

  guide_blocks.py extract GUIDE OUT_DIR --src SRC --root ROOT --port P --http-port H --check-port Q
      Writes OUT_DIR/manifest, one step per line: KIND <tab> LINE <tab> ARGUMENT, in the guide's
      order, and the body of each runnable block to OUT_DIR/LINE.sh with the scratch substitutions
      applied and blank lines in front, so that bash's "line N" is the guide's line N. Exits 1,
      naming the guide and line, for an unknown marker or directive, a `file=` block that differs
      from the file it copies, or a guide without a single runnable block.
  guide_blocks.py substitute TEXT --root ROOT --port P --http-port H --check-port Q
      Prints TEXT with the substitutions (the test applies them to the unit's ExecStart and to the
      packaged server.toml too).
  guide_blocks.py fill WORKBOOK SAMPLE_DIR
      Types the sample school's values into row 3 of a template workbook (`junheng template`), as
      the reader does in Excel: the school and period are read from the workbook, the values from
      SAMPLE_DIR/reports-PERIOD.csv, each into the column whose row-2 field name is its header.
"""
import argparse
import csv
import html
import os
import re
import sys
import zipfile

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
DIRECTIVE = re.compile(r"^\s*<!--\s*guide-test:\s*(.*?)\s*-->\s*$")
SHELLS = {"bash", "sh", "shell"}
# Paths of the server machine, moved under the scratch root. Only at the start of a path: the
# character before must not continue a word or a path.
SYSTEM_PATHS = re.compile(r"(?<![\w.~$/-])(/etc/junheng|/var/lib/junheng|/usr/share/junheng|"
                          r"/usr/bin/junheng|/srv|/tmp)(?=/|\b)")
# The scratch server runs as the test's own user, who stands in for the system user junheng.
AS_JUNHENG = re.compile(r"(?<![\w-])runuser -u junheng -- ")


def substitute(text, args):
    # The system paths first: the scratch paths put in by the others may lie under /tmp.
    text = SYSTEM_PATHS.sub(lambda m: args.root.rstrip("/") + m.group(1), text)
    text = text.replace("10.0.0.5:50551", f"127.0.0.1:{args.port}")
    text = text.replace("10.0.0.5:8443", f"127.0.0.1:{args.http_port}")
    text = text.replace("127.0.0.1:50599", f"127.0.0.1:{args.check_port}")
    return AS_JUNHENG.sub("", text)


def blocks(lines):
    """Yields (kind, line, info words, body lines) for fences and directives, in order."""
    i = 0
    while i < len(lines):
        directive = DIRECTIVE.match(lines[i])
        if directive:
            yield "directive", i + 1, directive.group(1).split(), []
            i += 1
            continue
        fence = FENCE.match(lines[i])
        if not fence or (fence.group(2)[0] == "`" and "`" in fence.group(3)):
            i += 1
            continue
        indent, marks, info = len(fence.group(1)), fence.group(2), fence.group(3)
        start, body = i + 1, []
        i += 1
        while i < len(lines):
            close = FENCE.match(lines[i])
            if close and close.group(2)[0] == marks[0] and len(close.group(2)) >= len(marks) \
                    and not close.group(3).strip():
                break
            line = lines[i]
            body.append(line[min(indent, len(line) - len(line.lstrip(" "))):])
            i += 1
        i += 1
        yield "fence", start, info.split(), body


def extract(args):
    guide = args.guide
    name = os.path.relpath(guide, args.src) if guide.startswith(args.src) else guide
    with open(guide, encoding="utf-8") as f:
        lines = f.read().split("\n")
    os.makedirs(args.out, exist_ok=True)
    steps, errors, runnable = [], [], 0
    for kind, line, words, body in blocks(lines):
        where = f"{name}:{line}"
        if kind == "directive":
            if words == ["start-server"]:
                steps.append(("start-server", line, "-"))
            elif words == ["install-packages"]:
                steps.append(("install-packages", line, "-"))
            elif len(words) == 2 and words[0] == "fill":
                steps.append(("fill", line, substitute(words[1], args)))
            else:
                errors.append(f"{where}: unknown guide-test directive '{' '.join(words)}' "
                              "(known: install-packages, start-server, fill FILE)")
            continue
        attributes = words[1:]
        for attribute in attributes:
            if attribute.startswith("file="):
                path = os.path.join(args.src, attribute[len("file="):])
                try:
                    with open(path, encoding="utf-8") as f:
                        expected = f.read()
                except OSError as e:
                    errors.append(f"{where}: the block copies {attribute[5:]}, which cannot be read: {e}")
                    continue
                if "\n".join(body) + "\n" != expected:
                    errors.append(f"{where}: the block differs from {attribute[5:]}; copy the file "
                                  "into the guide again")
            elif attribute != "runnable" or (words[0] if words else "") not in SHELLS:
                errors.append(f"{where}: unknown marker '{attribute}' in the info string "
                              f"'{' '.join(words)}' (known: bash runnable, LANG file=PATH)")
        if words and words[0] in SHELLS and "runnable" in attributes:
            runnable += 1
            path = os.path.join(args.out, f"{line}.sh")
            with open(path, "w", encoding="utf-8") as f:
                # The preamble takes line 1; the body starts on its own line of the guide.
                f.write("\n" * line + substitute("\n".join(body), args) + "\n")
            steps.append(("run", line, path))
    if runnable == 0:
        errors.append(f"{name}: no runnable block (```bash runnable); every guide must have some")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with open(os.path.join(args.out, "manifest"), "w", encoding="utf-8") as f:
        for kind, line, argument in steps:
            f.write(f"{kind}\t{line}\t{argument}\n")
    return 0


NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(/>|>(.*?)</c>)', re.S)


def fill(args):
    with zipfile.ZipFile(args.workbook) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    workbook = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    sheets = re.findall(r'<sheet name="([^"]*)"[^>]*r:id="([^"]*)"', workbook)
    rid = dict(sheets).get("填报", sheets[0][1])
    target = re.search(r'Id="%s"[^>]*Target="([^"]*)"' % re.escape(rid), rels) or \
        re.search(r'Target="([^"]*)"[^>]*Id="%s"' % re.escape(rid), rels)
    sheet_name = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
    shared = [html.unescape(re.sub(r"<[^>]+>", "", si)) for si in
              re.findall(r"<si>(.*?)</si>", parts.get("xl/sharedStrings.xml", b"").decode(), re.S)]
    sheet = parts[sheet_name].decode()

    def text(attributes, inner):
        value = re.search(r"<v>(.*?)</v>", inner or "")
        if 't="s"' in attributes and value:
            return shared[int(value.group(1))]
        inline = re.search(r"<t[^>]*>(.*?)</t>", inner or "", re.S)
        return html.unescape(inline.group(1)) if inline else (value.group(1) if value else "")

    cells = {(c, int(r)): (a, inner) for c, r, a, _, inner in CELL.findall(sheet)}
    fields = {c: text(*cells[(c, r)]) for (c, r) in cells if r == 2}
    column_of = {field: c for c, field in fields.items()}
    school = text(*cells[(column_of["school_code"], 3)])
    period = text(*cells[(column_of["period"], 3)])
    with open(os.path.join(args.sample_dir, f"reports-{period}.csv"), encoding="utf-8-sig") as f:
        row = next((r for r in csv.DictReader(f) if r["school_code"] == school), None)
    if row is None:
        print(f"fill: school {school} has no row in reports-{period}.csv", file=sys.stderr)
        return 1

    def typed(match):
        column, r, attributes = match.group(1), int(match.group(2)), match.group(3)
        field = fields.get(column)
        if r != 3 or field in (None, "school_code", "period", "county_code") or not row.get(field):
            return match.group(0)
        value = row[field]
        style = re.sub(r'\s*t="[^"]*"', "", attributes)
        if re.fullmatch(r"-?\d+(\.\d+)?", value):
            return f'<c r="{column}3"{style}><v>{value}</v></c>'
        return f'<c r="{column}3"{style} t="inlineStr"><is><t>{html.escape(value)}</t></is></c>'

    parts[sheet_name] = CELL.sub(typed, sheet).encode()
    with zipfile.ZipFile(args.workbook, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return 0


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    for command in ("extract", "substitute"):
        p = commands.add_parser(command)
        if command == "extract":
            p.add_argument("guide")
            p.add_argument("out")
            p.add_argument("--src", required=True)
        else:
            p.add_argument("text")
        p.add_argument("--root", required=True)
        p.add_argument("--port", required=True)
        p.add_argument("--http-port", required=True)
        p.add_argument("--check-port", required=True)
    p = commands.add_parser("fill")
    p.add_argument("workbook")
    p.add_argument("sample_dir")
    args = parser.parse_args()
    if args.command == "extract":
        return extract(args)
    if args.command == "substitute":
        print(substitute(args.text, args))
        return 0
    return fill(args)


if __name__ == "__main__":
    sys.exit(main())
