"""A cadre at phone size records a visit with one problem and a photo, and finds them on the enterprise page;
a dispatcher finds a day's visits in 走访台账 and exports them."""
import io
import struct
import tempfile
import urllib.parse
import urllib.request
import uuid
import zlib

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import sign_in


def write_png(path, width=4, height=3):
    """A real PNG (the server checks content, not names), as a phone camera would hand one over."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x20\x80\x40" * width for _ in range(height))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def test_cadre_records_a_visit_on_a_phone(phone, base_url):
    sign_in(phone, base_url, "gx_cadre")
    # The home page lists the cadre's enterprises; the form is one tap away.
    summary = phone.find_element(By.CSS_SELECTOR, "[data-testid=cadre-summary]").text
    assert "驻企联系" in summary
    phone.find_element(By.LINK_TEXT, "记录走访").click()
    picks = phone.find_elements(By.CSS_SELECTOR, "[data-testid=visit-picks] a.pick")
    assert picks, "the cadre's own enterprises are offered first"
    picks[0].click()
    WebDriverWait(phone, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=visit-enterprise]")))
    enterprise = phone.find_element(By.CSS_SELECTOR, "[data-testid=visit-enterprise]").text

    # Nothing is wider than the 360 px screen: no sideways scrolling in a workshop.
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide"
    submit = phone.find_element(By.CSS_SELECTOR, ".visit-form button[type=submit]")
    assert submit.size["height"] >= 44

    problem = f"蒸汽管网压力不稳，影响生产（{uuid.uuid4().hex[:6]}）"
    phone.find_element(By.CSS_SELECTOR, "input[name='purposes[]'][value=survey]").click()
    phone.find_element(By.ID, "problems").send_keys(problem)
    phone.find_element(By.ID, "notes").send_keys("企业满负荷生产")
    # The photo box opens the camera on a phone (accept=image/*); here a file stands in for the shot.
    photos = phone.find_element(By.ID, "files")
    assert photos.get_attribute("accept") == "image/*"
    folder = tempfile.mkdtemp()
    write_png(f"{folder}/车间现场.png")
    photos.send_keys(f"{folder}/车间现场.png")
    submit.click()

    WebDriverWait(phone, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=enterprise-name]")))
    assert phone.find_element(By.CSS_SELECTOR, "[data-testid=enterprise-name]").text == enterprise
    assert "走访已记录" in phone.find_element(By.CSS_SELECTOR, ".flash").text
    visits = phone.find_element(By.CSS_SELECTOR, "[data-testid=visits]").text
    assert problem in visits and "实地调研" in visits and "周杰" in visits
    assert "车间现场.png" in visits and "现场照片" in visits
    open_problems = phone.find_element(By.CSS_SELECTOR, "[data-testid=open-problems]").text
    assert problem in open_problems and "待受理" in open_problems

    # The photo opens from the visit, as the picture it is.
    phone.find_element(By.LINK_TEXT, "车间现场.png").click()
    WebDriverWait(phone, 10).until(lambda d: d.execute_script("return document.contentType") == "image/png")


def test_the_visit_ledger_lists_a_day_and_exports_it(browser, base_url):
    """A dispatcher opens 走访台账 from the menu, narrows it to one day, and takes that day's visits away
    as a workbook whose rows are the page's rows."""
    sign_in(browser, base_url, "gx_dispatcher")
    browser.find_element(By.LINK_TEXT, "企业与走访").click()
    browser.find_element(By.LINK_TEXT, "走访台账").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "[data-testid=visits] tbody tr")
    assert rows, "the demo park has visits"
    day = rows[0].find_elements(By.TAG_NAME, "td")[0].text
    browser.get(f"{base_url}/visits?from={day}&to={day}")
    on_page = [r.find_elements(By.TAG_NAME, "td")[1].text
               for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=visits] tbody tr")]
    link = browser.find_element(By.CSS_SELECTOR, "[data-testid=export-xlsx]").get_attribute("href")
    assert f"from={day}" in link and f"to={day}" in link

    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(urllib.parse.urljoin(browser.current_url, link), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert "attachment" in response.headers["Content-Disposition"]
        sheet = openpyxl.load_workbook(io.BytesIO(response.read())).active
    assert str(sheet["A1"].value).startswith("走访台账")
    assert [c.value for c in sheet[2]][:3] == ["走访日期", "企业全称", "统一社会信用代码"]
    exported = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert sorted(exported) == sorted(on_page)
