"""A leader follows the demo campaign's coverage and opens the 政银企对接会 of seed 003."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import open_menu, sign_in, wait_until_replaced


def test_leader_reads_campaign_coverage_and_the_financing_meeting(browser, base_url):
    sign_in(browser, base_url, "gx_leader")
    open_menu(browser, "企业与走访", "专项行动")
    browser.find_element(By.PARTIAL_LINK_TEXT, "送解优专项行动").click()
    headline = browser.find_element(By.CSS_SELECTOR, "[data-testid=coverage-headline]").text
    assert "送解优专项行动" in headline and "长沙高新区" in headline
    in_scope = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=in-scope] b").text)
    visited = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=visited] b").text)
    never = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=never] b").text)
    assert in_scope > 100 and 0 < visited < in_scope and visited + never == in_scope
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    listed = browser.find_elements(By.CSS_SELECTOR, "[data-testid=never-visited] li")
    assert len(listed) == min(never, 500)

    # The same page without the campaign counts a period of every enterprise.
    Select(browser.find_element(By.ID, "campaign")).select_by_index(0)
    before = browser.find_element(By.CSS_SELECTOR, "[data-testid=coverage-headline]")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    # Read the new page, not the old one still on screen while the form submits.
    wait_until_replaced(browser, before)
    assert "送解优" not in browser.find_element(By.CSS_SELECTOR, "[data-testid=coverage-headline]").text

    open_menu(browser, "企业与走访", "活动")
    browser.find_element(By.LINK_TEXT, "长沙高新区政银企对接会").click()
    total = browser.find_element(By.CSS_SELECTOR, "[data-testid=financing-total]").text
    assert total == "35 家企业达成融资意向 18.7 亿元，现场放款 5500 万元"
