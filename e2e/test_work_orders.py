"""Hotline work orders end to end: the service group downloads nothing and types nothing — it uploads
the sheet the 12345 platform handed out from the ledger's 导入工单, sees what came in (one order
assigned to 经济发展局 as the sheet says), uploads the same sheet again and nothing is added; the
bureau's handler finds the assigned order waiting for its signature, its requester's phone whole."""
import os
import tempfile
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import open_menu, sign_in


def card(browser, test_id):
    return browser.find_element(By.CSS_SELECTOR, f"[data-testid={test_id}] b").text


def upload(browser, base_url, path):
    browser.get(base_url + "/problems")
    browser.find_element(By.CSS_SELECTOR, "[data-testid=work-orders]").click()
    browser.find_element(By.ID, "file").send_keys(path)
    browser.find_element(By.CSS_SELECTOR, "form[data-upload] button[type=submit]").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=import-result]")))


def test_the_platforms_sheet_is_taken_in_once_and_reaches_the_department(browser, base_url):
    tag = uuid.uuid4().hex[:6].upper()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    lines = [
        "工单编号,来电时间,诉求人,联系电话,诉求内容,诉求类别,办理单位",
        f"GD{tag}01,{today} 09:12,刘先生,13912345678,园区公交站台无遮雨棚，员工雨天候车不便（{tag}）,诉求,经济发展局",
        f"GD{tag}02,{today} 10:40,,0731-88880000,高新技术企业认定的申报时间（{tag}）,咨询,",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    try:
        sign_in(browser, base_url, "gx_dispatcher")
        upload(browser, base_url, file.name)
        assert card(browser, "created-orders") == "2"
        assert "其中按表交办 1 件" in browser.find_element(By.CSS_SELECTOR, "[data-testid=created-orders]").text
        # The same sheet again: recognised by 工单编号, nothing added.
        upload(browser, base_url, file.name)
        assert card(browser, "created-orders") == "0"
        assert card(browser, "unchanged-orders") == "2"
    finally:
        os.unlink(file.name)

    browser.delete_all_cookies()
    sign_in(browser, base_url, "gx_handler")
    open_menu(browser, "问题", "问题台账")
    browser.get(base_url + f"/problems?q={tag}")
    rows = browser.find_elements(By.CSS_SELECTOR, "table[data-testid=ledger] tbody tr")
    assert len(rows) == 1, "the handler sees the order assigned to its bureau, not the question"
    assert "已交办" in rows[0].text
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert "13912345678" in browser.find_element(By.CSS_SELECTOR, "[data-testid=requester-phone]").text
