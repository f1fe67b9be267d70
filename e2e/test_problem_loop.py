"""One problem, four roles, end to end in a real browser: the enterprise submits it online, the
dispatcher accepts and assigns it to 经济发展局, the bureau's handler signs and resolves it, the
enterprise rates the result 满意, and the dispatcher closes it (销号)."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import make_driver, sign_in, wait_until_replaced


def open_action(driver, action):
    """Opens the action's form (a <details>) and returns it."""
    details = driver.find_element(By.CSS_SELECTOR, f"details[data-action={action}]")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    return details


def submit_action(driver, action, fill=None):
    """Fills and submits the action's form, and waits for the page it leads to (not the old one,
    which may carry the previous step's flash)."""
    details = open_action(driver, action)
    if fill:
        fill(details)
    details.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until_replaced(driver, details)
    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash")))


def state(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-testid=problem-state]").text


def as_user(base_url, username, path):
    driver = make_driver(1280, 900)
    sign_in(driver, base_url, username)
    driver.get(base_url + path)
    return driver


def test_four_roles_take_one_problem_from_submission_to_closing(base_url):
    text = f"园区道路照明不足，夜班员工出行不便（{uuid.uuid4().hex[:6]}）"

    enterprise = as_user(base_url, "gx_enterprise", "/problems/new")
    try:
        assert "湖南麓谷新材料科技有限公司" in enterprise.find_element(By.CSS_SELECTOR, "[data-testid=problem-enterprise]").text
        enterprise.find_element(By.ID, "description").send_keys(text)
        enterprise.find_element(By.CSS_SELECTOR, ".problem-form button[type=submit]").click()
        WebDriverWait(enterprise, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=problem-state]")))
        assert state(enterprise) == "待受理"
        path = enterprise.current_url.split(base_url, 1)[1].split("?")[0]
        # The enterprise itself may only wait at this point: no forms.
        assert enterprise.find_elements(By.CSS_SELECTOR, "[data-testid=problem-actions]") == []
    finally:
        enterprise.quit()

    dispatcher = as_user(base_url, "gx_dispatcher", "/problems?view=toAccept")
    try:
        assert "待受理" in dispatcher.find_element(By.CSS_SELECTOR, "[data-testid=ledger-views]").text
        dispatcher.get(base_url + path)
        assert state(dispatcher) == "待受理"
        submit_action(dispatcher, "accept", lambda d: Select(d.find_element(By.NAME, "category")).select_by_visible_text("困难求助"))
        assert state(dispatcher) == "待交办"
        submit_action(dispatcher, "assign", lambda d: Select(d.find_element(By.NAME, "leadDepartmentId")).select_by_visible_text("经济发展局"))
        assert state(dispatcher) == "已交办"
    finally:
        dispatcher.quit()

    handler = as_user(base_url, "gx_handler", "/")
    try:
        # The handler's 工作台 counts it among 待签收, and the bell says it was assigned.
        to_sign = handler.find_element(By.CSS_SELECTOR, "[data-testid=queue-toSign]")
        assert int(to_sign.find_element(By.TAG_NAME, "b").text) >= 1
        assert int(handler.find_element(By.CSS_SELECTOR, "[data-testid=bell] .count").text) >= 1
        handler.find_element(By.CSS_SELECTOR, "[data-testid=bell]").click()
        notices = handler.find_element(By.CSS_SELECTOR, "[data-testid=notifications]").text
        assert "已交办你部门牵头办理" in notices
        handler.get(base_url + "/")
        handler.find_element(By.CSS_SELECTOR, "[data-testid=queue-toSign]").click()
        row = handler.find_element(By.XPATH, f"//table[@data-testid='ledger']//tr[contains(., '{text}')]")
        row.find_element(By.TAG_NAME, "a").click()
        submit_action(handler, "sign")
        assert state(handler) == "办理中"

        def resolve(d):
            d.find_element(By.NAME, "result").send_keys("已协调增设路灯12盏，本周完工")
            Select(d.find_element(By.NAME, "resultKind")).select_by_visible_text("已解决")

        submit_action(handler, "resolve", resolve)
        assert state(handler) == "已办结"
    finally:
        handler.quit()

    enterprise = as_user(base_url, "gx_enterprise", path)
    try:
        submit_action(enterprise, "revisit", lambda d: Select(d.find_element(By.NAME, "satisfaction")).select_by_visible_text("满意"))
        assert "满意" in enterprise.find_element(By.CSS_SELECTOR, "dl.facts").text
    finally:
        enterprise.quit()

    dispatcher = as_user(base_url, "gx_dispatcher", path)
    try:
        submit_action(dispatcher, "close")
        assert state(dispatcher) == "已销号"
        timeline = dispatcher.find_element(By.CSS_SELECTOR, "[data-testid=timeline]").text
        for step in ["登记", "受理", "交办", "签收", "办结", "回访", "销号"]:
            assert step in timeline, step
    finally:
        dispatcher.quit()
