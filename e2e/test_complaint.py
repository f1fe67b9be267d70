"""A complaint by phone, end to end: the service group registers it with its requester (not an
enterprise contact), accepts and assigns it to 经济发展局; the bureau's handler sees the phone whole,
resolves it and says how the requester was answered; the service group calls the requester back and
closes it; a leader reads the phone masked."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_problem_loop import as_user, state, submit_action


def test_a_complaint_is_answered_and_the_requester_called_back(base_url):
    text = f"到政务服务窗口办理备案，窗口人员三次要求补充同一份材料（{uuid.uuid4().hex[:6]}）"
    phone = "13912345678"

    dispatcher = as_user(base_url, "gx_dispatcher", "/problems")
    try:
        dispatcher.find_element(By.CSS_SELECTOR, "[data-testid=new-request]").click()
        Select(dispatcher.find_element(By.ID, "kind")).select_by_visible_text("投诉")
        dispatcher.find_element(By.ID, "description").send_keys(text)
        dispatcher.find_element(By.ID, "requesterName").send_keys("刘先生")
        dispatcher.find_element(By.ID, "requesterPhone").send_keys(phone)
        Select(dispatcher.find_element(By.ID, "respondentDepartmentId")).select_by_visible_text("经济发展局")
        dispatcher.find_element(By.CSS_SELECTOR, ".problem-form button[type=submit]").click()
        WebDriverWait(dispatcher, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=problem-state]")))
        assert state(dispatcher) == "待受理"
        assert phone in dispatcher.find_element(By.CSS_SELECTOR, "[data-testid=requester]").text
        path = dispatcher.current_url.split(base_url, 1)[1].split("?")[0]
        submit_action(dispatcher, "accept")
        submit_action(dispatcher, "assign", lambda d: Select(d.find_element(By.NAME, "leadDepartmentId")).select_by_visible_text("经济发展局"))
        assert state(dispatcher) == "已交办"
    finally:
        dispatcher.quit()

    handler = as_user(base_url, "gx_handler", path)
    try:
        assert phone in handler.find_element(By.CSS_SELECTOR, "[data-testid=requester-phone]").text
        submit_action(handler, "sign")

        def resolve(d):
            d.find_element(By.NAME, "result").send_keys("已约谈窗口负责人，实行一次性告知，备案当日办结")
            Select(d.find_element(By.NAME, "resultKind")).select_by_visible_text("已解决")
            Select(d.find_element(By.NAME, "replyMethod")).select_by_visible_text("电话答复")

        submit_action(handler, "resolve", resolve)
        assert state(handler) == "已办结"
    finally:
        handler.quit()

    leader = as_user(base_url, "gx_leader", path)
    try:
        shown = leader.find_element(By.CSS_SELECTOR, "[data-testid=requester-phone]").text
        assert shown == "139****5678", shown
    finally:
        leader.quit()

    dispatcher = as_user(base_url, "gx_dispatcher", path)
    try:
        submit_action(dispatcher, "revisit", lambda d: Select(d.find_element(By.NAME, "satisfaction")).select_by_visible_text("满意"))
        submit_action(dispatcher, "close")
        assert state(dispatcher) == "已销号"
        timeline = dispatcher.find_element(By.CSS_SELECTOR, "[data-testid=timeline]").text
        for step in ["登记", "受理", "交办", "签收", "办结", "回访", "销号"]:
            assert step in timeline, step
    finally:
        dispatcher.quit()
