"""The 问题清单 of seed 000 as a dispatcher downloads it from the ledger page and opens it in a
spreadsheet program (read here with openpyxl, as Excel and WPS would read it), then uploads it again
on the import page: the problems come back with the same cells."""
import io
import os
import tempfile
import urllib.parse
import urllib.request

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

HEADER = ["企业序号", "企业全称", "所属行业（医药业、建筑业、制造业等）", "关联企业信息（含单位）", "所属市县",
          "问题序号", "问题类别", "困难问题", "交办单位及时间", "办理进展"]
FOOTNOTE = ("问题类别包括：困难求助、违约失信、涉企执法、不正当竞争、强制服务、索拿卡要、乱收费摊派、政务服务、"
            "侵犯合法权益、影响扩大开放。")
IMPORTABLE = ("待受理", "待交办", "已交办", "办理中", "已办结", "已销号")


def download(driver, href):
    """Fetches a link with the browser's session, as clicking it would, and opens the workbook."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(urllib.parse.urljoin(driver.current_url, href), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        assert "attachment" in response.headers["Content-Disposition"]
        data = response.read()
    return data, openpyxl.load_workbook(io.BytesIO(data)).active


def problem_rows(sheet, header_row):
    """The rows between the header and the closing note, as lists of cell values."""
    rows = [list(r) for r in sheet.iter_rows(min_row=header_row + 1, values_only=True)]
    assert rows[-1][0] == FOOTNOTE
    return rows[:-1]


def check_layout(sheet, header_row):
    """Seed 000's layout: the header word for word, enterprises and problems numbered, each
    enterprise's five cells merged over its problems, the note merged across the sheet."""
    assert [c.value for c in sheet[header_row]] == HEADER
    merged = {str(r) for r in sheet.merged_cells.ranges}
    last = sheet.max_row
    assert f"A{last}:J{last}" in merged
    rows = problem_rows(sheet, header_row)
    assert [r[5] for r in rows] == list(range(1, len(rows) + 1))
    enterprise_numbers = [r[0] for r in rows if r[0] is not None]
    assert enterprise_numbers == list(range(1, len(enterprise_numbers) + 1))
    groups = []  # (first row, last row) of each enterprise
    for offset, row in enumerate(rows):
        number = header_row + 1 + offset
        if row[0] is not None:
            groups.append([number, number])
        elif row[1] is None and groups:
            groups[-1][1] = number
    for first, end in groups:
        if end > first:
            for column in "ABCDE":
                assert f"{column}{first}:{column}{end}" in merged, (column, first, end)
    return rows, groups


def test_the_exported_list_has_seed_000s_layout_and_imports_back(browser, base_url):
    from conftest import sign_in
    sign_in(browser, base_url, "wc_dispatcher")
    browser.get(base_url + "/problems")
    link = browser.find_element(By.CSS_SELECTOR, "[data-testid=export-list]")
    assert link.text == "导出问题清单（Excel）"
    _, sheet = download(browser, link.get_attribute("href"))
    assert sheet.sheet_properties is not None
    assert sheet["A1"].value == "问 题 清 单"
    assert sheet["A2"].value.startswith("填报单位：望城经开区")
    assert {"A1:J1", "A2:J2"} <= {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.freeze_panes == "A4"
    # It prints as the attachment is sent: one page wide, title and header on every page.
    assert sheet.print_title_rows == "$1:$3"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    rows, groups = check_layout(sheet, header_row=3)
    assert len(rows) >= 10

    # An enterprise with several problems, all in states a sheet can carry.
    chosen = None
    for first, end in groups:
        block = rows[first - 4:end - 3]
        if len(block) >= 2 and all(str(r[9]).startswith(IMPORTABLE) for r in block):
            chosen = block
            break
    assert chosen, "the demo has an enterprise with two importable problems"
    name = chosen[0][1]
    query = "/problems/list.xlsx?" + urllib.parse.urlencode({"q": name, "title": "false"})
    data, before = download(browser, query)
    before_rows, _ = check_layout(before, header_row=1)
    assert [r[1] for r in before_rows if r[1]] == [name]

    # The same file, uploaded on the import page.
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as file:
        file.write(data)
    try:
        browser.get(base_url + "/problems/import")
        browser.find_element(By.ID, "file").send_keys(file.name)
        browser.find_element(By.CSS_SELECTOR, "form[data-upload] button[type=submit]").click()
        result = WebDriverWait(browser, 30).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=imported-problems]")))
        assert str(len(before_rows)) in result.text
    finally:
        os.unlink(file.name)

    _, after = download(browser, query)
    after_rows, after_groups = check_layout(after, header_row=1)
    # One enterprise now holds each problem twice: the originals, then the imported copies, whose
    # category, description, assignment and progress cells are the originals'.
    assert len(after_groups) == 1 and after_groups[0] == [2, 1 + 2 * len(before_rows)]
    cells = [r[6:] for r in before_rows]
    assert [r[6:] for r in after_rows] == cells + cells
