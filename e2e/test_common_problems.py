"""共性问题 end to end: 长沙高新区's service group takes a proposal of the system, leaves one member out,
names it and confirms it, then sends it up; 长沙市's task force finds it waiting for its answer and
answers; the park's service group resolves the members by the answer, each then waiting for its
revisit."""
import uuid

from selenium.webdriver.common.by import By

from conftest import open_menu, sign_in, wait_until_replaced


def submit(browser, element):
    element.click()
    wait_until_replaced(browser, element)


def sign_in_as(browser, base_url, username):
    """Signs out whoever was signed in, then signs in as `username`."""
    browser.delete_all_cookies()
    sign_in(browser, base_url, username)


def flash(browser):
    return browser.find_element(By.CSS_SELECTOR, ".flash").text


def test_a_proposal_is_confirmed_sent_up_answered_and_resolves_its_members(browser, base_url):
    title = f"一线普工招工难（{uuid.uuid4().hex[:4]}）"

    sign_in(browser, base_url, "gx_dispatcher")
    open_menu(browser, "问题", "共性问题")
    cards = browser.find_elements(By.CSS_SELECTOR, "[data-testid=common-proposal]")
    assert cards, "the demo's park has proposals"
    # The hiring problems of five enterprises, in their own words (another proposal on a re-run).
    card = next((c for c in cards if "用工" in c.text), cards[0])
    boxes = card.find_elements(By.CSS_SELECTOR, "input[name='problemIds[]']")
    assert len(boxes) >= 3
    # Split: the last member stays out of the group.
    boxes[-1].click()
    kept = len(boxes) - 1
    name = card.find_element(By.CSS_SELECTOR, "input[name=title]")
    name.clear()
    name.send_keys(title)
    submit(browser, card.find_element(By.CSS_SELECTOR, "button[value=confirm]"))
    assert "已确认为共性问题" in flash(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(title)
    rows = browser.find_elements(By.CSS_SELECTOR, "[data-testid=common-members] tbody tr")
    assert len(rows) == kept

    # Sent up with the drafted question; the county has no task force, so it goes to 长沙市.
    form = browser.find_element(By.CSS_SELECTOR, "[data-testid=common-escalate]")
    assert "报送长沙市" in form.text
    assert title in form.find_element(By.ID, "question").get_attribute("value")
    submit(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "已上报" in flash(browser)
    assert "已上报" in browser.find_element(By.CSS_SELECTOR, "[data-testid=common-state]").text
    group_url = browser.current_url.split("?")[0]

    # The city's task force finds it waiting for its answer, and answers.
    sign_in_as(browser, base_url, "cs_upper")
    open_menu(browser, "问题", "共性问题")
    waiting = browser.find_element(By.CSS_SELECTOR, "[data-testid=common-awaiting]")
    assert title in waiting.text and "长沙高新区" in waiting.text
    waiting.find_element(By.LINK_TEXT, title).click()
    answer = browser.find_element(By.CSS_SELECTOR, "[data-testid=common-answer-form]")
    answer.find_element(By.ID, "answer").send_keys("市人社局已出台稳岗用工支持措施，企业可申请一次性扩岗补助，并参加每月的市级专场招聘会。")
    submit(browser, answer.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "已答复" in flash(browser)
    assert "稳岗用工" in browser.find_element(By.CSS_SELECTOR, "[data-testid=common-answer]").text

    # The park resolves its members by the answer; what the workflow refuses is named.
    sign_in_as(browser, base_url, "gx_dispatcher")
    browser.get(group_url)
    resolve = browser.find_element(By.CSS_SELECTOR, "[data-testid=common-resolve] button")
    submit(browser, resolve)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "成员问题已按答复办结" in main or "已按答复办结" in main
    states = [r.find_elements(By.TAG_NAME, "td")[3].text for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=common-members] tbody tr")]
    assert "已办结" in states
