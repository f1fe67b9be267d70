"""Reads the PDFs LibreOffice printed from the files the product writes, as the person who prints them
would, and keeps images of their pages beside them for the CI artefacts.

    python3 scripts/check-print.py DIRECTORY SHEET.pdf=FIRST_HEADER,LAST_HEADER[:MAX_PAGES] ... SHEET.pdf=header ...
        DOC.pdf=document:MAX_PAGES ... BOOK.pdf=booklet:MAX_PAGES ...

A sheet (.xlsx): every page carries its header from the first column to the last (`header`: as the
.xlsx beside the PDF names them, in the last of its 打印标题 rows), in at most MAX_PAGES pages when given (so the sheet is one
page wide and its header repeats), the footer numbers the pages (第 1 页，共 3 页), and no cell's text
is wider than its column or taller than its row (it would run over the grid line into the next cell,
or be cut there).

An official document (.docx, GB/T 9704): at most MAX_PAGES pages; every page numbered “— n —”; no
figure broken across lines (a rate split from its % sign, a date from its day, a lone parenthesis);
the 落款 not alone at the top of a page but under the text it closes, with the 版记 (抄送 … 印发) on the
same page. A booklet (the 政策汇编) is held to the same, but has no 落款.

Needs PyMuPDF (`pip install pymupdf`).
"""
import pathlib
import re
import sys

import pymupdf

folder = pathlib.Path(sys.argv[1])
failures = []


def lines_of(page):
    """The page's text lines, top to bottom, as LibreOffice laid them out (a table cell's lines too)."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                found.append((line["bbox"][1], line["bbox"][0], text))
    return [text for _, _, text in sorted(found)]


def grid(page):
    """The table's ruled lines: vertical ones as (x, top, bottom), horizontal ones as (y, left, right)."""
    verticals, horizontals = [], []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] != "l":
                continue
            a, b = item[1], item[2]
            if abs(a.x - b.x) < 0.5:
                verticals.append((a.x, min(a.y, b.y), max(a.y, b.y)))
            elif abs(a.y - b.y) < 0.5:
                horizontals.append((a.y, min(a.x, b.x), max(a.x, b.x)))
    return verticals, horizontals


def overflowing(page):
    """Cells whose text crosses a ruled line of the table: wider than its column or taller than its row
    (a line of text cut by the row's border, as a merged cell broken over two pages is). Read character
    by character, as a line of the page runs across cells."""
    verticals, horizontals = grid(page)
    found = {}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                text = "".join(c["c"] for c in span["chars"]).strip()
                for char in span["chars"]:
                    x0, y0, x1, y1 = char["bbox"]
                    if char["c"].isspace():
                        continue
                    if any(x0 + 1 < x < x1 - 1 and top < (y0 + y1) / 2 < bottom for x, top, bottom in verticals):
                        found[text] = f"“{text}” is wider than its column"
                    if any(y0 + 2 < y < y1 - 2 and left < (x0 + x1) / 2 < right for y, left, right in horizontals):
                        found[text] = f"“{text}” is cut by its row's border"
    return list(found.values())


def header_of(workbook):
    """The first and last header of a one-sheet workbook: the last row of its 打印标题."""
    import openpyxl

    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    row = int(sheet.print_title_rows.split(":")[1].lstrip("$"))
    cells = [str(c.value).strip() for c in sheet[row] if c.value is not None and str(c.value).strip()]
    return cells[0], cells[-1]


def check_sheet(name, document, headers):
    headers, _, most = headers.partition(":")
    if most and document.page_count > int(most):
        failures.append(f"{name}: {document.page_count} pages, at most {most} expected")
    if headers == "header":
        first, last = header_of(folder / (pathlib.Path(name).stem + ".xlsx"))
    else:
        first, last = headers.split(",", 1)
    pages = document.page_count
    for number, page in enumerate(document, start=1):
        # Wrapped header cells come out line by line: compare without the breaks.
        text = re.sub(r"\s+", "", page.get_text())
        for header in (first, last):
            if re.sub(r"\s+", "", header) not in text:
                failures.append(f"{name} page {number}: the header {header} is not on the page")
        footer = f"第{number}页，共{pages}页"
        if footer not in text:
            failures.append(f"{name} page {number}: no page number ({footer})")
        for problem in overflowing(page):
            failures.append(f"{name} page {number}: {problem}")


BROKEN = [
    (re.compile(r"^[%）/]"), "a line starts with the end of a figure"),
    (re.compile(r"\d\.$"), "a line ends inside a number"),
    (re.compile(r"(^|[^\d])\d{4}-(\d{1,2}-?)?$"), "a date is broken"),
]
DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def check_document(name, document, max_pages, signed=True):
    pages = document.page_count
    if pages > max_pages:
        failures.append(f"{name}: {pages} pages, at most {max_pages} expected")
    signature_page = None
    for number, page in enumerate(document, start=1):
        lines = lines_of(page)
        flat = re.sub(r"\s+", "", page.get_text())
        if f"—{number}—" not in flat:
            failures.append(f"{name} page {number}: no page number (— {number} —)")
        for index, line in enumerate(lines):
            for pattern, what in BROKEN:
                if pattern.search(line):
                    failures.append(f"{name} page {number}: {what}: “{line}”")
            if DATE.match(line) and index > 0 and "专班" in lines[index - 1]:
                signature_page = number
                # The issuer stands under the text it closes, never first on its page.
                if index - 1 == 0:
                    failures.append(f"{name} page {number}: the 落款 stands alone at the top of the page")
    if not signed:
        return
    if signature_page is None:
        failures.append(f"{name}: no 落款 (the issuer over the date)")
        return
    record = re.sub(r"\s+", "", document[signature_page - 1].get_text())
    if "抄送：" not in record or "印发" not in record:
        failures.append(f"{name} page {signature_page}: the 版记 is not on the 落款's page")


for spec in sys.argv[2:]:
    name, rule = spec.split("=", 1)
    document = pymupdf.open(folder / name)
    pages = document.page_count
    print(f"{name}: {pages} page{'s' if pages > 1 else ''}")
    stem = pathlib.Path(name).stem
    if rule.startswith(("document:", "booklet:")):
        kind, most = rule.split(":", 1)
        check_document(name, document, int(most), signed=kind == "document")
        for number, page in enumerate(document, start=1):
            page.get_pixmap(dpi=60).save(folder / f"{stem}-page{number}.png")
    else:
        check_sheet(name, document, rule)
        document[0].get_pixmap(dpi=80).save(folder / f"{stem}-page1.png")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
