"""Each demo role's home page, as its 工作台, on a 1366-px screen and a 390-px phone: it fits the width,
shows that role's own figures, and is kept as a screenshot in the CI artefacts (JIEYOU_E2E_ARTEFACTS)."""
import os

import pytest
from selenium.webdriver.common.by import By

from conftest import make_driver, sign_in

ARTEFACTS = os.environ.get("JIEYOU_E2E_ARTEFACTS", "/tmp/jieyou-artefacts")

# What each role's home page must show: the figures it works from.
ROLES = [
    ("admin", "admin-stats"),
    ("gx_admin", "admin-stats"),
    ("gx_dispatcher", "queue-toAccept"),
    ("gx_handler", "queue-toSign"),
    ("gx_cadre", "cadre-summary"),
    ("gx_leader", "queue-leaderCases"),
    ("cs_upper", "inbox-unread"),
    ("gx_monitor", "monitor-open"),
    ("gx_enterprise", "enterprise-to-rate"),
]


@pytest.mark.parametrize("width,height,mobile", [(1366, 900, False), (390, 844, True)])
@pytest.mark.parametrize("username,figure", ROLES)
def test_each_roles_home_page_is_its_work(base_url, username, figure, width, height, mobile):
    driver = make_driver(width, height, mobile)
    try:
        sign_in(driver, base_url, username)
        assert driver.find_elements(By.CSS_SELECTOR, f"[data-testid={figure}]"), f"{username} sees {figure}"
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, f"{username} at {width}px: page is {scroll}px wide"
        os.makedirs(ARTEFACTS, exist_ok=True)
        # The whole page, not just the first screen: the window grows to the page's height.
        full = driver.execute_script("return document.documentElement.scrollHeight")
        if not mobile:
            driver.set_window_size(width, min(max(height, full + 140), 4000))
        driver.save_screenshot(os.path.join(ARTEFACTS, f"home-{username}-{width}.png"))
    finally:
        driver.quit()
