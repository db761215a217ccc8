"""The report in a real browser: headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by selenium.

Every page loads from ``file://`` with no JavaScript error and no request leaving the machine, its
images are decoded, its Korean text is set in the report's own font (shown at once in a fallback
font while that one loads), and typing a speaker's name
into the quotes table's search box leaves only that speaker's quotes. Skipped, with the reason,
where no browser is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import shutil
import time

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="no headless browser: install Debian's chromium and chromium-driver (.ci/run does)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,2000", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def load(browser, path):
    browser.get(path.as_uri())
    for _ in range(50):  # until the page, its fonts and its tables are ready
        if browser.execute_script("return document.readyState === 'complete' && document.fonts.status === 'loaded'"):
            break
        time.sleep(0.1)
    time.sleep(0.3)
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def test_every_page_loads_cleanly_with_images_and_the_korean_font(browser, default_report, tmp_path):
    for page in [default_report.index, *default_report.pages]:
        errors = load(browser, page)
        assert errors == [], f"{page.name}: {errors}"
        images = browser.execute_script("return Array.from(document.images).map(i => [i.complete, i.naturalWidth])")
        assert images and all(done and width > 0 for done, width in images), page.name
        assert browser.execute_script("return document.fonts.check('16px NanumGothic')"), page.name
        # the text is painted at once in a fallback font while the font's 6 MB are decoded, not hidden
        assert browser.execute_script("return document.fonts.size > 0 && "
                                      "Array.from(document.fonts).every(f => f.display === 'swap')"), page.name
        assert "한국어 뉴스 분석 보고서" in browser.title
        browser.save_screenshot(str(tmp_path / f"{page.stem}.png"))


def test_the_quotes_table_is_searchable_by_speaker(browser, default_report):
    from selenium.webdriver.common.by import By

    assert load(browser, default_report.index.parent / "03_quotes.html") == []
    table = browser.find_elements(By.CSS_SELECTOR, "table.dataTable")[0]
    container = table.find_element(By.XPATH, "./ancestor::div[contains(@class, 'dt-container')]")
    headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    column = headers.index("speaker")

    def shown() -> list[str]:
        return [row.find_elements(By.TAG_NAME, "td")[column].text for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]

    before = container.find_element(By.CSS_SELECTOR, ".dt-info").text
    search = container.find_element(By.CSS_SELECTOR, "input[type='search']")
    search.send_keys("오세훈")
    time.sleep(0.5)
    speakers = shown()
    assert speakers and set(speakers) == {"오세훈"}
    after = container.find_element(By.CSS_SELECTOR, ".dt-info").text
    assert after != before and "8" in after  # the seed page's eight quotes, all his


def test_kwic_sorts_by_its_right_context(browser, default_report):
    from selenium.webdriver.common.by import By

    assert load(browser, default_report.index.parent / "02_keywords.html") == []
    kwic = next(t for t in browser.find_elements(By.CSS_SELECTOR, "table.dataTable")
                if "keyword" in [th.text.strip() for th in t.find_elements(By.CSS_SELECTOR, "thead th")])
    headers = kwic.find_elements(By.CSS_SELECTOR, "thead th")
    names = [th.text.strip() for th in headers]
    right = names.index("right")
    browser.execute_script("arguments[0].click()", headers[right])
    time.sleep(0.3)
    values = [row.find_elements(By.TAG_NAME, "td")[right].text for row in kwic.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert len(values) >= 5 and values == sorted(values)
