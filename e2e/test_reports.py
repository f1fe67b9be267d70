"""A leader reads the dashboard and follows a chart to its list; the park's dispatcher keeps a 月通报 as a
draft, rewrites its opening paragraph and issues it; the campaign's 总结报告 is one click from its
coverage."""
import re

from selenium.webdriver.common.by import By

from conftest import open_menu, sign_in, wait_until_replaced


def ledger_total(browser):
    text = browser.find_element(By.CSS_SELECTOR, "[data-testid=ledger-total]").text
    return int(re.match(r"共 (\d+) 条", text).group(1))


def test_each_number_of_the_dashboard_opens_its_list(browser, base_url):
    sign_in(browser, base_url, "gx_leader")
    open_menu(browser, "统计与通报", "数据看板")
    for chart in ["chart-categories", "chart-trend", "chart-ranking", "chart-coverage"]:
        assert browser.find_elements(By.CSS_SELECTOR, f"[data-testid={chart}] svg.chart"), chart

    # A part of a category's bar: its tooltip says how many problems it counts, and its list has them.
    part = browser.find_element(By.CSS_SELECTOR, "[data-testid=chart-categories] svg a rect")
    label = part.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    count = int(label.rsplit("：", 1)[1])
    # An SVG link's href is an animated string to the DOM: read the attribute as written.
    link = part.find_element(By.XPATH, "..").get_dom_attribute("href")
    browser.get(base_url + link)
    assert ledger_total(browser) == count

    # The 在办问题 card opens the open problems, as many as it says.
    browser.back()
    card = browser.find_element(By.CSS_SELECTOR, "[data-testid=card-open] a")
    open_now = int(card.text)
    card.click()
    assert ledger_total(browser) == open_now


def test_the_dispatcher_keeps_edits_and_issues_a_monthly_bulletin(browser, base_url):
    sign_in(browser, base_url, "wc_dispatcher")
    open_menu(browser, "统计与通报", "通报")
    browser.get(base_url + "/reports?kind=month")
    title = browser.find_element(By.CSS_SELECTOR, "[data-testid=bulletin] h1").text
    keep = browser.find_element(By.CSS_SELECTOR, "[data-testid=keep-draft]")
    keep.click()
    wait_until_replaced(browser, keep)
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=report-state]").text == "草稿"

    summary = browser.find_element(By.ID, "summary")
    summary.clear()
    summary.send_keys("本月全区问题办理总体平稳，重点问题均已明确责任单位。")
    save = browser.find_element(By.CSS_SELECTOR, "[data-testid=report-editor] form button")
    save.click()
    wait_until_replaced(browser, save)
    assert "已保存" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=bulletin-summary]").text.startswith("本月全区问题办理总体平稳")

    browser.find_element(By.NAME, "confirm").click()
    issue = browser.find_element(By.CSS_SELECTOR, "[data-testid=issue-report]")
    issue.click()
    wait_until_replaced(browser, issue)
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=report-state]").text == "已印发"
    assert browser.find_elements(By.CSS_SELECTOR, "[data-testid=report-editor]") == []
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=bulletin] h1").text == title

    # Listed as issued; the drafting job's 周调度 and 旬通报 wait as drafts.
    browser.get(base_url + "/reports/records?state=issued")
    issued = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "[data-testid=stored-reports] td:first-child a")]
    assert title in issued
    browser.get(base_url + "/reports/records?state=draft")
    drafts = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "[data-testid=stored-reports] td:first-child a")]
    assert any("旬通报" in d for d in drafts) and any("周调度" in d for d in drafts)


def test_the_campaign_summary_is_one_click_from_its_coverage(browser, base_url):
    sign_in(browser, base_url, "gx_leader")
    open_menu(browser, "企业与走访", "专项行动")
    browser.find_element(By.PARTIAL_LINK_TEXT, "送解优专项行动").click()
    browser.find_element(By.CSS_SELECTOR, "[data-testid=campaign-summary-link]").click()
    article = browser.find_element(By.CSS_SELECTOR, "[data-testid=campaign-summary]")
    assert article.find_element(By.TAG_NAME, "h1").text.endswith("总结报告")
    headings = [h.text for h in article.find_elements(By.TAG_NAME, "h2")]
    assert headings == ["一、总体情况", "二、走访覆盖", "三、问题办理", "四、典型案例", "五、未解决问题及责任单位", "六、下步工作"]
    # A leader reads the summary; only the park's dispatchers keep it as a draft.
    assert browser.find_elements(By.CSS_SELECTOR, "[data-testid=keep-draft]") == []


def test_the_city_reads_what_the_parks_submitted_and_sees_who_has_not(browser, base_url):
    sign_in(browser, base_url, "cs_upper")
    # The home page counts what came in unread and what is overdue from below; the figure opens the inbox.
    unread = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=inbox-unread] b").text)
    assert unread >= 1
    assert int(browser.find_element(By.CSS_SELECTOR, "[data-testid=inbox-missing] b").text) >= 1
    browser.find_element(By.CSS_SELECTOR, "[data-testid=inbox-unread]").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "报送收件箱"
    # 望城经开区 has not issued the last 旬通报 due; 长沙高新区 issued it on its day.
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "[data-testid=deliveries] tbody tr")]
    assert any("望城经开区" in r and "旬通报" in r and "未报送" in r for r in rows), rows
    assert any("长沙高新区" in r and "旬通报" in r and "按期报送" in r for r in rows), rows

    # 标记已阅 from the list: one fewer unread, and the report says who read it.
    button = browser.find_element(By.CSS_SELECTOR, "[data-testid=received] button")
    title = button.find_element(By.XPATH, "ancestor::tr//a").text
    button.click()
    wait_until_replaced(browser, button)
    assert "已标记为已阅" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert int(browser.find_element(By.CSS_SELECTOR, "[data-testid=inbox-unread] a").text) == unread - 1
    browser.find_element(By.LINK_TEXT, title).click()
    assert "已阅" in browser.find_element(By.CSS_SELECTOR, "[data-testid=report-delivery]").text
    assert "陈志强" in browser.find_element(By.CSS_SELECTOR, "[data-testid=report-delivery]").text


def test_an_admin_chooses_what_the_bulletins_report_besides_the_problems(browser, base_url):
    # 长沙高新区's admin ticks every section but 融资对接 for its 通报.
    sign_in(browser, base_url, "gx_admin")
    open_menu(browser, "设置", "本单位设置")
    form = browser.find_element(By.CSS_SELECTOR, "[data-testid=bulletin-sections-form]")
    for box in form.find_elements(By.CSS_SELECTOR, "input[name='sections[]']"):
        if box.is_selected() != (box.get_attribute("value") != "financing"):
            browser.execute_script("arguments[0].click()", box)
    save = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
    browser.execute_script("arguments[0].click()", save)
    wait_until_replaced(browser, save)
    form = browser.find_element(By.CSS_SELECTOR, "[data-testid=bulletin-sections-form]")
    assert not form.find_element(By.CSS_SELECTOR, "input[value=financing]").is_selected()

    # Its dispatcher's 旬通报 reports the visits and the policies, each against the 旬 before, and no
    # longer the 融资.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "gx_dispatcher")
    browser.get(base_url + "/reports?kind=tenDay")
    work = browser.find_element(By.CSS_SELECTOR, "[data-testid=bulletin-work]")
    headings = [h.text for h in work.find_elements(By.TAG_NAME, "h3")]
    assert headings == ["（一）走访服务", "（二）政策宣传落实", "（三）政策兑现", "（四）项目申报", "（五）攻坚任务推进"], headings
    assert "较上期" in work.text or "与上期持平" in work.text
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "[data-testid=bulletin] h2")]
    assert titles[:3] == ["一、总体情况", "二、工作推进情况", "三、各责任单位办理情况"], titles
