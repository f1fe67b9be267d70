"""攻坚方案 end to end: the 专班办公室 pastes seed 001 (西洞庭管理区“七大攻坚”总体方案), reviews the
preview and corrects one task, saves it; the lead unit reports its 旬调度; the office sees the 旬's
reports and the units that have not reported."""
import uuid
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import open_menu, sign_in, wait_until_replaced

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "001_d60dd8ae0f53930d.txt"


def test_import_correct_save_report_and_see_who_has_not(browser, base_url):
    text = SEED.read_text(encoding="utf-8")
    sign_in(browser, base_url, "gx_dispatcher")
    open_menu(browser, "攻坚", "攻坚方案")
    browser.find_element(By.LINK_TEXT, "导入方案").click()
    box = browser.find_element(By.ID, "text")
    # 75 KB typed key by key would take minutes; paste it as the clipboard would.
    browser.execute_script("arguments[0].value = arguments[1];", box, text)
    recognise = browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]")
    recognise.click()
    wait_until_replaced(browser, recognise)

    counts = browser.find_element(By.CSS_SELECTOR, "[data-testid=preview-counts]").text
    assert counts.startswith("识别出攻坚7个")
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-testid=preview-workstream]")) == 7
    lead = browser.find_element(By.NAME, "w0.t1.leads")
    assert lead.get_attribute("value") == "区人社局"
    # The dispatcher corrects one task: it is the park's 经济发展局 that leads it here.
    title = f"推动增收减负-{uuid.uuid4().hex[:6]}"
    lead.clear()
    lead.send_keys("经济发展局")
    name = browser.find_element(By.NAME, "w0.t1.title")
    name.clear()
    name.send_keys(title)
    save = browser.find_element(By.CSS_SELECTOR, "form.plan-preview button[type=submit]")
    save.click()
    wait_until_replaced(browser, save, timeout=30)

    assert browser.find_element(By.TAG_NAME, "h1").text == "西洞庭管理区实施“七大攻坚”总体方案"
    plan_url = browser.current_url.split("?")[0]
    task_link = browser.find_element(By.LINK_TEXT, title)
    leads = task_link.find_element(By.XPATH, "../following-sibling::td[1]").text
    assert leads == "经济发展局"

    # The lead unit's handler reports from its own page.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "gx_handler")
    open_menu(browser, "攻坚", "攻坚任务")
    assert "本旬未报" in browser.find_element(By.CSS_SELECTOR, "[data-testid=unit-lead-tasks]").text
    browser.find_element(By.PARTIAL_LINK_TEXT, title).click()
    browser.find_element(By.ID, "progress").send_keys("与常德技师学院签订校企合作协议，举办专场招聘会2场")
    percent = browser.find_element(By.ID, "percent")
    percent.clear()
    percent.send_keys("35")
    browser.find_element(By.ID, "difficulties").send_keys("企业用工需求统计不全")
    report = browser.find_element(By.XPATH, "//button[text()='报送']")
    report.click()
    wait_until_replaced(browser, report)
    assert "35%" in browser.find_element(By.CSS_SELECTOR, "[data-testid=task-percent]").text
    assert "专场招聘会2场" in browser.find_element(By.CSS_SELECTOR, "[data-testid=task-reports]").text

    # The office reads the 旬: this report, and who has not reported.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "gx_dispatcher")
    browser.get(plan_url + "?view=progress")
    assert "已报送1项" in browser.find_element(By.CSS_SELECTOR, "[data-testid=progress-counts]").text
    lines = browser.find_element(By.CSS_SELECTOR, "[data-testid=progress-lines]").text
    assert "与常德技师学院签订校企合作协议" in lines
    missing = browser.find_element(By.CSS_SELECTOR, "[data-testid=units-not-reported]").text
    assert "区人社局" in missing and "区发改局" in missing
