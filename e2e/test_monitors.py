"""The roster of monitors as a park's admin keeps it: a 清廉园区监测点 at a service window is appointed
from 设置 → 监测员, counted among those serving, and its appointment ended again; a handler is refused
the roster."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import open_menu, sign_in, wait_until_replaced


def serving(browser):
    return int(browser.find_element(By.CSS_SELECTOR, "[data-testid=monitors-integrity] b").text)


def test_an_admin_appoints_a_monitor_and_ends_its_term(browser, base_url):
    name = f"政务服务大厅{uuid.uuid4().hex[:4]}号窗口"
    sign_in(browser, base_url, "gx_admin")
    open_menu(browser, "设置", "监测员")
    before = serving(browser)
    browser.find_element(By.LINK_TEXT, "新增监测员").click()
    Select(browser.find_element(By.ID, "kind")).select_by_visible_text("清廉园区监测点")
    Select(browser.find_element(By.ID, "form")).select_by_visible_text("场所")
    browser.find_element(By.ID, "name").send_keys(name)
    save = browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]")
    save.click()
    wait_until_replaced(browser, save)
    assert "已创建" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert serving(browser) == before + 1
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=monitor]") if name in r.text][0]
    assert "清廉园区监测点" in row.text

    # The term ends: unchecked 在聘, it is listed as 已停用 and no longer counted.
    row.find_element(By.LINK_TEXT, name).click()
    browser.find_element(By.CSS_SELECTOR, "input[name=active]").click()
    save = browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]")
    save.click()
    wait_until_replaced(browser, save)
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=monitor]") if name in r.text][0]
    assert "已停用" in row.text
    assert serving(browser) == before

    # A handler is refused the roster.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "gx_handler")
    browser.get(base_url + "/admin/monitors")
    assert browser.find_elements(By.CSS_SELECTOR, "[data-testid=monitors]") == []
