"""Browser tests: a real Chromium, driven by selenium, against a running `jieyou serve --demo`.

`.ci/run` starts the server and passes its address in JIEYOU_E2E_URL, the binary in JIEYOU_BIN and the
SQLite file it serves in JIEYOU_E2E_DB.
"""
import os

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

DEMO_PASSWORD = "Jieyou2024"


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("JIEYOU_E2E_URL")
    if not url:
        pytest.fail("JIEYOU_E2E_URL is not set: start `jieyou serve --demo` and point the tests at it")
    return url.rstrip("/")


def make_driver(width, height, mobile=False):
    options = webdriver.ChromeOptions()
    if mobile:
        # Headless Chrome will not make a window narrower than about 500 px; emulate the phone instead.
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0}})
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--disable-gpu")
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument("--lang=zh-CN")
    binary = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    if os.path.exists(binary):
        options.binary_location = binary
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    service = Service(driver_path) if os.path.exists(driver_path) else Service()
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(5)
    return driver


@pytest.fixture
def browser():
    driver = make_driver(1280, 900)
    yield driver
    driver.quit()


@pytest.fixture
def phone():
    """A 360-px-wide phone screen, as cadres use."""
    driver = make_driver(360, 740, mobile=True)
    yield driver
    driver.quit()


def sign_in(driver, base_url, username, password=DEMO_PASSWORD):
    """Submits the login form and waits for its answer: the signed-in page or the login error."""
    driver.get(base_url + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 15).until(EC.any_of(
        EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=menu]")),
        EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=login-error]"))))


def menu_items(driver):
    """The first row of the menu: 首页, the groups, and the role's one-tap action."""
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-testid=menu] a")]


def menu_groups(driver):
    """Each group of the menu with the entries its second row shows, opened as a user would."""
    links = [(a.text, a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, "[data-testid=menu] a")
             if a.get_attribute("data-testid") != "quick-action"]
    groups = {}
    for title, href in links[1:]:
        driver.get(href)
        groups[title] = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-testid=submenu] a")]
    return groups


def open_menu(driver, group, entry):
    """Opens a menu entry as a user does: the group in the first row, then the entry in the second."""
    driver.find_element(By.CSS_SELECTOR, "[data-testid=menu]").find_element(By.LINK_TEXT, group).click()
    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=submenu]")))
    driver.find_element(By.CSS_SELECTOR, "[data-testid=submenu]").find_element(By.LINK_TEXT, entry).click()


def wait_until_replaced(driver, element, timeout=15):
    """Waits until `element` belongs to a page that is gone: the form's submit has loaded the next one.

    Selenium's `staleness_of` knows only StaleElementReferenceException; while the old page is being
    torn down, chromedriver may instead answer "Node with given id does not belong to the document",
    which is the same fact and made the problem-loop test fail once in CI.
    """
    def replaced(_):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    WebDriverWait(driver, timeout).until(replaced)
