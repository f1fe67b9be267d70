"""Reads the PDFs LibreOffice printed from the sheets the product writes, as the person who prints them
would: every page of a table carries its header from the first column to the last (so the sheet is one
page wide and its header repeats), and the footer numbers the pages (第 1 页，共 3 页). It prints each
file's page count and keeps an image of each first page beside the PDFs, for the CI artefacts.

    python3 scripts/check-print.py DIRECTORY FILE.pdf=FIRST_HEADER,LAST_HEADER ...

Needs PyMuPDF (`pip install pymupdf`).
"""
import pathlib
import re
import sys

import pymupdf

folder = pathlib.Path(sys.argv[1])
failures = []
for spec in sys.argv[2:]:
    name, headers = spec.split("=", 1)
    first, last = headers.split(",", 1)
    document = pymupdf.open(folder / name)
    pages = document.page_count
    print(f"{name}: {pages} page{'s' if pages > 1 else ''}")
    for number, page in enumerate(document, start=1):
        # Wrapped header cells come out line by line: compare without the breaks.
        text = re.sub(r"\s+", "", page.get_text())
        for header in (first, last):
            if re.sub(r"\s+", "", header) not in text:
                failures.append(f"{name} page {number}: the header {header} is not on the page")
        footer = f"第{number}页，共{pages}页"
        if footer not in text:
            failures.append(f"{name} page {number}: no page number ({footer})")
    document[0].get_pixmap(dpi=80).save(folder / f"{pathlib.Path(name).stem}-page1.png")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
