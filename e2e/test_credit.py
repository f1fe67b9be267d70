"""双公示 and 信用修复 end to end: the park's service group enters a penalty for the 经济发展局 and
publishes it; anyone sees it on the public page without signing in; the enterprise applies for repair
once the shortest period is over; the department approves; the record is gone from the public page
and its history stays with the department."""
import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import open_menu, sign_in, wait_until_replaced

ENTERPRISE = "湖南麓谷新材料科技有限公司"


def set_value(browser, element_id, value):
    """Fills a field as typed text would, whatever the browser's date format."""
    box = browser.find_element(By.ID, element_id)
    browser.execute_script("arguments[0].value = arguments[1];", box, value)


def submit(browser, css):
    button = browser.find_element(By.CSS_SELECTOR, css)
    button.click()
    wait_until_replaced(browser, button)


def public_text(browser, base_url, query):
    browser.delete_all_cookies()
    browser.get(f"{base_url}/public/credit?q={query}")
    return browser.find_element(By.CSS_SELECTOR, "main").text


def test_a_penalty_is_published_repaired_and_leaves_the_public_page(browser, base_url):
    document = f"长高新经罚〔2026〕{uuid.uuid4().hex[:6]}号"
    # Decided four months ago: past the three months after which 一般失信 may be repaired.
    decided = (datetime.now(ZoneInfo("Asia/Shanghai")).date() - timedelta(days=125)).isoformat()

    sign_in(browser, base_url, "gx_dispatcher")
    browser.get(f"{base_url}/enterprises?q={ENTERPRISE}")
    browser.find_element(By.LINK_TEXT, ENTERPRISE).click()
    code = re.search(r"统一社会信用代码\s*([0-9A-Z]{18})", browser.find_element(By.TAG_NAME, "main").text).group(1)

    open_menu(browser, "信用", "双公示")
    browser.find_element(By.LINK_TEXT, "登记行政处罚").click()
    Select(browser.find_element(By.ID, "departmentId")).select_by_visible_text("经济发展局")
    browser.find_element(By.ID, "counterpartyName").send_keys(ENTERPRISE)
    browser.find_element(By.ID, "creditCode").send_keys(code)
    browser.find_element(By.ID, "documentNumber").send_keys(document)
    browser.find_element(By.ID, "violationType").send_keys("未按规定开展安全生产教育和培训")
    browser.find_element(By.ID, "violationFacts").send_keys("未对新入职员工开展岗前安全培训")
    browser.find_element(By.ID, "penaltyBasis").send_keys("《中华人民共和国安全生产法》第九十七条")
    browser.find_element(By.CSS_SELECTOR, "input[name='penaltyCategories[]'][value=fine]").click()
    browser.find_element(By.ID, "penaltyContent").send_keys("罚款人民币壹万元")
    browser.find_element(By.ID, "fineWan").send_keys("1")
    set_value(browser, "decidedOn", decided)
    authority = browser.find_element(By.ID, "authority")
    authority.clear()
    authority.send_keys("长沙高新区经济发展局")
    submit(browser, "[data-testid=credit-form] button[type=submit]")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(ENTERPRISE)
    assert "公示中" in browser.find_element(By.CSS_SELECTOR, "[data-testid=credit-status]").text

    # Anyone sees it, without signing in.
    text = public_text(browser, base_url, document)
    assert "共 1 条" in text and document in text and ENTERPRISE in text

    # The enterprise applies from its own list.
    sign_in(browser, base_url, "gx_enterprise")
    open_menu(browser, "信用", "我的信用信息")
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=credit-record]") if document in r.text][0]
    row.find_element(By.TAG_NAME, "a").click()
    browser.find_element(By.ID, "statement").send_keys("已缴清罚款，完成全员安全培训，并作出信用承诺")
    browser.find_element(By.CSS_SELECTOR, "[data-testid=credit-apply] input[name=fulfilled]").click()
    submit(browser, "[data-testid=credit-apply] button[type=submit]")
    assert "信用修复申请已提交" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "待审核" in browser.find_element(By.CSS_SELECTOR, "[data-testid=credit-repair]").text

    # The department reviews it from its queue and approves.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "gx_handler")
    open_menu(browser, "信用", "修复审核")
    queued = [r for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=credit-review]") if document in r.text]
    assert queued, "the application waits in the department's queue"
    queued[0].find_element(By.TAG_NAME, "a").click()
    Select(browser.find_element(By.ID, "decision")).select_by_value("approve")
    submit(browser, "[data-testid=credit-decide] button[type=submit]")
    assert "已修复" in browser.find_element(By.CSS_SELECTOR, "[data-testid=credit-status]").text

    # Gone from the public page.
    assert "共 0 条" in public_text(browser, base_url, document)
