#!/usr/bin/env python3
"""What journey.py stands on: headless Chromium found on PATH, a page object with waits that wait for facts, and
plain HTTP with the browser's session cookie (what a forging site or script would send)."""

import shutil
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, NoSuchElementException, StaleElementReferenceException,
                                        TimeoutException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

class Failed(Exception):
    """A check of the journey that did not hold."""


def check(condition, message):
    if not condition:
        raise Failed(message)


class Page:
    """The browser on the served site, and the helpers every step uses."""

    def __init__(self, driver, base, as_of, password):
        self.driver = driver
        self.base = base.rstrip("/")
        self.as_of = as_of
        self.password = password

    # Browser helpers -------------------------------------------------------------------------------------------

    def path(self):
        return urllib.parse.urlsplit(self.driver.current_url).path

    def open(self, path):
        self.driver.get(self.base + path)
        self.no_alert(path)

    def wait_for(self, what, predicate):
        """Waits for a fact about the page (a navigation's result); the bound only keeps a broken server from hanging."""
        # While the browser swaps one page for the next, an element just found may belong to the page going away.
        ignored = (NoSuchElementException, StaleElementReferenceException)
        try:
            WebDriverWait(self.driver, 30, ignored_exceptions=ignored).until(lambda driver: predicate())
        except TimeoutException:
            raise Failed(f"{what}: never happened (at {self.driver.current_url})")

    def h1(self):
        headings = self.driver.find_elements(By.TAG_NAME, "h1")
        return headings[0].text if headings else ""

    def no_alert(self, where):
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.accept()
        except NoAlertPresentException:
            return
        raise Failed(f"{where}: a JavaScript alert was raised: {text!r}")

    def submit(self, form):
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    def session_cookie(self):
        cookies = {c["name"]: c for c in self.driver.get_cookies()}
        check("realise_session" in cookies, f"no realise_session cookie after logging in (cookies: {sorted(cookies)})")
        return cookies["realise_session"]

    # Plain HTTP with a cookie copied from the browser: what a forging site or script would send -----------------

    def http(self, method, path, cookie, form=None):
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        data = urllib.parse.urlencode(form).encode() if form is not None else None
        headers = {"Cookie": f"realise_session={cookie['value']}"}
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as answer:
                return answer.status, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    # What a metric's page shows -------------------------------------------------------------------------------

    def values_rows(self):
        """The cells of each row of the values table (date, kind, value, source, note)."""
        rows = []
        for row in self.driver.find_elements(By.CSS_SELECTOR, "table.values tbody tr"):
            rows.append([cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")])
        return rows

    def chart_titles(self):
        """The trajectory chart's tooltips: its own title, then one per point (`DAY: VALUE UNIT …`)."""
        return [t.get_attribute("textContent") for t in self.driver.find_elements(By.CSS_SELECTOR, "figure.chart svg title")]


def browser():
    """Headless Chromium driven by the chromedriver on PATH (never a fixed path; no driver is downloaded)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    chromedriver = shutil.which("chromedriver")
    check(chromium and chromedriver, f"chromium ({chromium}) and chromedriver ({chromedriver}) must be on PATH")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # --no-sandbox: Chromium refuses to run as root (CI containers) with its sandbox on.
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024",
                     "--lang=en-GB", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(60)
    return driver
