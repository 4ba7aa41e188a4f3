#!/usr/bin/env python3
"""A user's journey through the web workspace of a running `realise serve`, in headless Chromium (Selenium).

The owner of a benefit logs in, sees the dashboard, opens the benefit and its metric, records a measurement through
the metric's form, sees it in the metric's values table and chart and in the dashboard's recent changes, and logs
out. A viewer then finds no form on the metric's page and has a forged POST (their session cookie, a missing or
wrong CSRF token) refused with 403. Hostile plan text shows as text everywhere: escaped in the markup, no alert, no
`javascript:` link, no event-handler attribute.

Run by BrowserTests (Swift); by hand:
    REALISE_JOURNEY_PASSWORD=… python3 journey.py --base http://127.0.0.1:PORT --as-of 2026-12-01
Chromium and chromedriver are found on PATH. Exits 0 when every check holds, else 1 naming the first that failed
(with a screenshot and the page's source in --artifacts, when given). The helpers are in journey_support.py.
"""

import argparse
import os
import sys
import urllib.parse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

from journey_support import Failed, Page, browser, check

HOSTILE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
HOSTILE_TEXT = "<script>alert(1)</script>"
URL_ATTRIBUTES = " or ".join(f"local-name()='{name}'" for name in ("href", "src", "action", "formaction"))
JAVASCRIPT_URLS = f"//*[@*[({URL_ATTRIBUTES}) and starts-with(translate(normalize-space(.), 'JAVSCRIPT', 'javscript'), 'javascript:')]]"


class Journey(Page):
    """The steps of the journey, in the order main() takes them."""

    def log_in(self, name):
        self.open("/login")
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action='/login']")
        csrf = form.find_element(By.NAME, "csrf")
        check(csrf.get_attribute("type") == "hidden" and csrf.get_attribute("value"), "the login form has no hidden csrf value")
        form.find_element(By.NAME, "name").send_keys(name)
        form.find_element(By.NAME, "password").send_keys(self.password)
        self.submit(form)
        self.wait_for(f"{name} sees the dashboard after logging in", lambda: self.path() == "/" and self.h1() == "Dashboard")
        cookie = self.session_cookie()
        check(cookie.get("httpOnly") is True, "the session cookie is not HttpOnly")
        check(cookie.get("sameSite") in ("Strict", "Lax"), f"the session cookie's SameSite is {cookie.get('sameSite')!r}")
        print(f"ok: {name} logged in and sees the dashboard")

    def log_out(self, name):
        old = self.session_cookie()
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout']")
        self.submit(form)
        self.wait_for(f"{name} is logged out", lambda: not self.driver.find_elements(By.CSS_SELECTOR, "form[action='/logout']"))
        self.open("/")
        self.wait_for("the dashboard asks for a login after logging out",
                      lambda: self.driver.find_elements(By.CSS_SELECTOR, "form[action='/login']"))
        # Logging out ends the session on the server, not only in this browser: a copy of the cookie is worthless.
        status, body = self.http("GET", "/", old)
        check(status != 200 or "Dashboard" not in body, f"the session cookie still opens the dashboard after logging out ({status})")
        print(f"ok: {name} logged out; the dashboard asks for a login, and the old session cookie opens nothing ({status})")

    def open_benefit_then_metric(self, benefit, metric):
        self.open(f"/entities/{benefit}")
        check(benefit in self.h1(), f"/entities/{benefit} has the heading {self.h1()!r}")
        links = self.driver.find_elements(By.CSS_SELECTOR, f"a[href='/entities/{metric}']")
        check(links, f"{benefit}'s page links to no /entities/{metric}")
        links[0].click()
        self.wait_for(f"{metric}'s page opens from {benefit}'s", lambda: metric in self.h1())
        print(f"ok: opened {benefit}, then its metric {metric} from a link")

    def record_measurement(self, metric, value, source, note):
        form = self.driver.find_element(By.CSS_SELECTOR, f"form[action='/entities/{metric}/measurements']")
        date = form.find_element(By.NAME, "date")
        # The date field starts at the server's day (--as-of), so nothing here depends on the browser's locale.
        check(date.get_attribute("value") == self.as_of, f"the date field holds {date.get_attribute('value')!r}, not {self.as_of}")
        form.find_element(By.NAME, "value").send_keys(value)
        form.find_element(By.NAME, "source").send_keys(source)
        form.find_element(By.NAME, "note").send_keys(note)
        self.submit(form)
        wanted = [self.as_of, "measurement", value, source, note]
        self.wait_for(f"{metric}'s values table shows {wanted}", lambda: wanted in self.values_rows())
        check(metric in self.h1(), f"after recording, the page is {self.path()}, not {metric}'s")
        tip = f"{self.as_of}: {value}"
        check(any(t.startswith(tip) for t in self.chart_titles()), f"no point '{tip} …' in the chart: {self.chart_titles()}")
        print(f"ok: recorded {metric} = {value} through the form; it is in the values table and the chart")

    def see_recent_change(self, who, summary):
        self.open("/")
        rows = [[c.text.strip() for c in r.find_elements(By.TAG_NAME, "td")]
                for r in self.driver.find_elements(By.CSS_SELECTOR, "table.log tbody tr")]
        check(any(who in row and any(summary in cell for cell in row) for row in rows),
              f"the dashboard's recent changes have no '{summary}' by {who}: {rows[:5]}")
        print(f"ok: the dashboard's recent changes show '{summary}' by {who}")

    def forged_posts_refused(self, metric, who, real_csrf=None):
        cookie = self.session_cookie()
        path = f"/entities/{metric}/measurements"
        fields = {"date": self.as_of, "value": "99.5", "source": "forged", "note": "forged"}
        attempts = [("no csrf", fields), ("a wrong csrf", dict(fields, csrf="not-the-token"))]
        if real_csrf:
            attempts.append(("the session's own csrf", dict(fields, csrf=real_csrf)))
        for label, form in attempts:
            status, body = self.http("POST", path, cookie, form)
            check(status == 403, f"a POST to {path} as {who} with {label} was answered {status}, not 403: {body[:300]}")
        self.open(f"/entities/{metric}")
        check(not any("99.5" in row for row in self.values_rows()), f"a forged measurement was recorded: {self.values_rows()}")
        print(f"ok: forged POSTs to {path} as {who} ({', '.join(a[0] for a in attempts)}) were refused with 403")

    def no_forms_for_viewer(self, metric):
        self.open(f"/entities/{metric}")
        forms = [f.get_attribute("action") for f in self.driver.find_elements(By.CSS_SELECTOR, "form")]
        check(not any(a and urllib.parse.urlsplit(a).path.endswith("/measurements") for a in forms),
              f"the viewer sees a measurement form on {metric}'s page: {forms}")
        check(all(urllib.parse.urlsplit(a).path == "/logout" for a in forms if a), f"the viewer sees forms other than logout: {forms}")
        print(f"ok: the viewer sees no form on {metric}'s page")
        return self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] input[name='csrf']").get_attribute("value")

    def hostile_text_escaped(self, paths, shown_on):
        cookie = self.session_cookie()
        for path in paths:
            self.open(path)
            dom = self.driver.page_source
            for script in self.driver.find_elements(By.TAG_NAME, "script"):
                check("alert" not in (script.get_attribute("textContent") or ""), f"{path}: a <script> with alert(1) is in the page")
            handlers = self.driver.find_elements(By.XPATH, "//*[@*[starts-with(translate(name(), 'ON', 'on'), 'on')]]")
            check(not handlers, f"{path}: {len(handlers)} element(s) have an on… attribute, e.g. <{handlers[0].tag_name if handlers else ''}>")
            # href, src, action, formaction and SVG's xlink:href, by local name (so in any namespace).
            links = self.driver.find_elements(By.XPATH, JAVASCRIPT_URLS)
            check(not links, f"{path}: {len(links)} element(s) have a javascript: URL, e.g. <{links[0].tag_name if links else ''}>")
            status, raw = self.http("GET", path, cookie)
            check(status == 200, f"GET {path} answered {status}")
            check("<script>alert" not in raw and "<img src=x" not in raw, f"{path}: hostile markup is in the page's source unescaped")
            check('href="javascript:' not in raw.lower(), f"{path}: a javascript: link is in the page's source")
            if path in shown_on:
                check(HOSTILE_ESCAPED in raw, f"{path}: the page's source lacks the escaped {HOSTILE_ESCAPED}")
                check(HOSTILE_ESCAPED in dom, f"{path}: the browser's page_source lacks {HOSTILE_ESCAPED}")
                check(HOSTILE_TEXT in self.driver.find_element(By.TAG_NAME, "main").text,
                      f"{path}: the hostile text is not shown as text")
            self.no_alert(path)
        print(f"ok: hostile plan text is escaped on {', '.join(paths)}; no alert, script, handler or javascript: link")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the server, http://127.0.0.1:PORT")
    parser.add_argument("--as-of", required=True, help="the server's --as-of day")
    parser.add_argument("--owner", default="olu", help="an owner of BEN-1 (and so of MET-1)")
    parser.add_argument("--viewer", default="vic", help="a viewer")
    parser.add_argument("--artifacts", help="a folder for a screenshot and the page's source on failure")
    arguments = parser.parse_args()
    password = os.environ.get("REALISE_JOURNEY_PASSWORD", "")
    driver = browser()
    journey = Journey(driver, arguments.base, arguments.as_of, password)
    try:
        journey.log_in(arguments.owner)
        journey.open_benefit_then_metric("BEN-1", "MET-1")
        journey.record_measurement("MET-1", "57.25", "Browser journey", "Recorded through the form")
        journey.see_recent_change(arguments.owner, f"MET-1 = 57.25 on {arguments.as_of}")
        journey.forged_posts_refused("MET-1", arguments.owner)
        journey.log_out(arguments.owner)

        journey.log_in(arguments.viewer)
        csrf = journey.no_forms_for_viewer("MET-1")
        journey.forged_posts_refused("MET-1", arguments.viewer, real_csrf=csrf)
        journey.hostile_text_escaped(["/entities/BEN-2", "/entities/MET-2", "/", "/gaps", "/map"],
                                     shown_on=["/entities/BEN-2", "/entities/MET-2"])
        journey.log_out(arguments.viewer)
    except (Failed, WebDriverException) as error:
        # WebDriver's own message, without chromedriver's stack of unnamed addresses.
        message = error.msg if isinstance(error, WebDriverException) else str(error)
        print(f"FAILED at {driver.current_url}: {message}", file=sys.stderr)
        if arguments.artifacts:
            os.makedirs(arguments.artifacts, exist_ok=True)
            driver.save_screenshot(os.path.join(arguments.artifacts, "failure.png"))
            with open(os.path.join(arguments.artifacts, "failure.html"), "w", encoding="utf-8") as page:
                page.write(driver.page_source)
        return 1
    finally:
        driver.quit()
    print("journey passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
