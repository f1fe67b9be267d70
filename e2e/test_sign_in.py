"""Signing in as each demo role shows that role's menu; a wrong password shows the Chinese error."""
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import menu_groups, menu_items, sign_in

FIELD = ["企业", "记录走访", "走访台账", "活动", "专项行动", "走访覆盖", "专班"]
READ_FIELD = ["企业", "走访台账", "活动", "专项行动", "走访覆盖", "专班"]
POLICY = ["政策", "项目申报", "兑现台账"]
STATS = ["数据看板", "统计分析", "通报"]
# A unit's task force (its admins, dispatchers, leaders, 上级专班) also reads what the units below submit.
TASK_FORCE_STATS = [*STATS, "报送收件箱"]
STAFF_SETTINGS = ["通讯录", "通知设置", "修改密码"]
CREDIT = ["双公示", "信用公示"]
# Those who read a unit's whole ledger also see the 共性问题 proposed and confirmed in it.
LEDGER = ["问题台账", "共性问题"]
ADMIN_MENU = {
    "问题": LEDGER, "企业与走访": FIELD, "政策": POLICY, "攻坚": ["攻坚方案"], "信用": CREDIT,
    "统计与通报": TASK_FORCE_STATS,
    "设置": ["组织机构", "部门", "监测员", "用户", "工作日历", "本单位设置", "操作日志", "通知设置", "修改密码"],
}
FIELD_MENU = {
    "问题": ["问题台账"], "企业与走访": FIELD, "政策": POLICY, "攻坚": ["攻坚方案"], "信用": CREDIT, "统计与通报": STATS,
    "设置": STAFF_SETTINGS,
}
DISPATCHER_MENU = {**FIELD_MENU, "问题": LEDGER, "统计与通报": TASK_FORCE_STATS}
READER_MENU = {
    "问题": LEDGER, "企业与走访": READ_FIELD, "政策": POLICY, "攻坚": ["攻坚方案"], "信用": CREDIT,
    "统计与通报": TASK_FORCE_STATS,
    "设置": STAFF_SETTINGS,
}
HANDLER_MENU = {
    "问题": ["问题台账", "部门工作台"], "政策": POLICY, "攻坚": ["攻坚任务", "攻坚方案"],
    "信用": ["双公示", "修复审核", "信用公示"], "统计与通报": STATS,
    "设置": STAFF_SETTINGS,
}
OUTSIDER_MENU = {"问题": ["问题台账"], "设置": ["通知设置", "修改密码"]}
ENTERPRISE_MENU = {
    "问题": ["问题台账"], "政策": ["我的政策"], "信用": ["我的信用信息", "信用公示"], "设置": ["通知设置", "修改密码"],
}

ROLES = [
    ("admin", ADMIN_MENU, "湖南省"),
    ("cs_admin", ADMIN_MENU, "长沙市"),
    ("gx_admin", ADMIN_MENU, "长沙高新区"),
    ("gx_dispatcher", DISPATCHER_MENU, "长沙高新区"),
    ("gx_handler", HANDLER_MENU, "长沙高新区"),
    ("gx_cadre", FIELD_MENU, "长沙高新区"),
    ("gx_leader", READER_MENU, "长沙高新区"),
    ("cs_upper", READER_MENU, "长沙市"),
    ("gx_monitor", OUTSIDER_MENU, "长沙高新区"),
    ("gx_enterprise", ENTERPRISE_MENU, "长沙高新区"),
]


@pytest.mark.parametrize("username,menu,org", ROLES)
def test_each_role_sees_its_menu(browser, base_url, username, menu, org):
    sign_in(browser, base_url, username)
    assert browser.current_url.rstrip("/") == base_url
    assert org in browser.find_element(By.CSS_SELECTOR, "[data-testid=org]").text
    assert "工作日" in browser.find_element(By.CSS_SELECTOR, "[data-testid=cadence]").text or \
        "休息日" in browser.find_element(By.CSS_SELECTOR, "[data-testid=cadence]").text
    quick = ["记录走访"] if username == "gx_cadre" else []
    assert menu_items(browser) == ["首页", *menu.keys(), *quick]
    assert menu_groups(browser) == menu


def test_enterprise_sees_its_own_enterprise(browser, base_url):
    sign_in(browser, base_url, "gx_enterprise")
    card = browser.find_element(By.CSS_SELECTOR, "[data-testid=enterprise]").text
    assert "湖南麓谷新材料科技有限公司" in card


def test_wrong_password_shows_the_chinese_error(browser, base_url):
    sign_in(browser, base_url, "gx_leader", "not-the-password1")
    error = browser.find_element(By.CSS_SELECTOR, "[data-testid=login-error]")
    assert error.text == "用户名或密码错误"
    assert "/login" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "[data-testid=menu]") == []


def test_logout_returns_to_the_login_page(browser, base_url):
    sign_in(browser, base_url, "gx_cadre")
    browser.find_element(By.CSS_SELECTOR, "form.logout button").click()
    WebDriverWait(browser, 15).until(EC.url_to_be(base_url + "/login"))
    browser.get(base_url + "/")
    assert "/login" in browser.current_url


def test_pages_are_forbidden_outside_the_role(browser, base_url):
    sign_in(browser, base_url, "gx_dispatcher")
    browser.get(base_url + "/admin/users")
    assert "无权访问" in browser.find_element(By.TAG_NAME, "h1").text


def test_admin_creates_a_department_through_the_form(browser, base_url):
    sign_in(browser, base_url, "yl_admin")
    browser.get(base_url + "/admin/departments/new")
    name = f"招商合作局{uuid.uuid4().hex[:4]}"  # unique, so the suite can run again on the same server
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.CSS_SELECTOR, "#kind option[value=bureau]").click()
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(browser, 15).until(EC.url_contains("done=created"))
    assert "已创建" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert name in browser.find_element(By.CSS_SELECTOR, "[data-testid=departments]").text
    # The same form refuses an empty name with the message beside the field.
    browser.get(base_url + "/admin/departments/new")
    browser.execute_script("document.getElementById('name').removeAttribute('required')")
    browser.find_element(By.CSS_SELECTOR, "#kind option[value=bureau]").click()
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    assert browser.find_element(By.ID, "name-error").text == "部门名称不能为空"


@pytest.mark.parametrize("username,path", [("gx_cadre", "/"), ("gx_cadre", "/directory"), ("gx_admin", "/admin/users"),
                                           ("gx_admin", "/admin/users/new")])
def test_phone_layout_fits_360_pixels(phone, base_url, username, path):
    sign_in(phone, base_url, username)
    phone.get(base_url + path)
    assert phone.execute_script("return window.innerWidth") == 360
    assert menu_items(phone)[0] == "首页"
    overflow = phone.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    phone.save_screenshot(f"/tmp/jieyou-e2e-phone-{username}-{path.strip('/').replace('/', '-') or 'home'}.png")
