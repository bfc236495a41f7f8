"""End to end in headless Chromium: review the seeds, see decisions kept, timeline, escaping.

Debian's chromium and chromedriver (`apt-get install chromium chromium-driver`), never a
downloaded browser. Screenshots go to tests/artifacts/ (gitignored).
"""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from test_web import make_corpus

from alsingest import store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromedriver: apt-get install chromium chromium-driver",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus(seeded_db, toolkit, tmp_path_factory):
    return make_corpus(seeded_db, toolkit, tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def server(corpus, lexicon):
    import uvicorn

    from alsingest.web import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(corpus, lexicon=lexicon), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the review server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for downloads
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


def press(driver, key: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


def wait_for(condition, timeout: float = 10):
    from selenium.common.exceptions import WebDriverException

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except WebDriverException as error:
            # The page is being replaced: Chrome answers "no such element", "stale element" or
            # "node does not belong to the document" depending on when the reload lands.
            value, last = None, error
        else:
            last = None
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting in the browser ({last!r})"
        time.sleep(0.05)


def cards(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, ".claim[data-claim]")


def card(driver, claim_id):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, f"c-{claim_id}")


def test_review_accept_correct_reload_timeline_and_escaping(server, browser, corpus):
    from selenium.webdriver.common.by import By

    article = "000_10f194e9a782d43d.txt"
    browser.get(f"{server}/?article={article}")
    assert "Queue" in browser.title
    browser.find_element(By.ID, "reviewer").send_keys("Zhang Min")
    first, second = (c.get_attribute("data-claim") for c in cards(browser)[:2])
    assert "current" in card(browser, first).get_attribute("class")
    screenshot(browser, "review-queue.png")

    # Accept the first claim with the keyboard: the page reloads on the next claim.
    browser.execute_script("document.activeElement.blur()")  # keys go to the page, not a field
    press(browser, "a")
    wait_for(lambda: browser.current_url.endswith(f"#c-{second}"))
    wait_for(lambda: "current" in card(browser, second).get_attribute("class"))

    # Correct the second claim's date: e opens its fields.
    press(browser, "e")
    date = card(browser, second).find_element(By.NAME, "date")
    wait_for(lambda: browser.switch_to.active_element.get_attribute("name") == "therapy")
    date.clear()
    date.send_keys("2025-03-01")
    card(browser, second).find_element(By.CSS_SELECTOR, "button.correct").click()
    wait_for(lambda: "review-corrected" in card(browser, second).get_attribute("class"))

    # Reload: both decisions are kept, and shown as such.
    browser.refresh()
    assert "review-accepted" in card(browser, first).get_attribute("class")
    corrected = card(browser, second)
    assert "review-corrected" in corrected.get_attribute("class")
    assert corrected.find_element(By.CSS_SELECTOR, ".fields ins").text == "2025-03-01"
    assert corrected.find_element(By.NAME, "date").get_attribute("value") == "2025-03-01"
    assert [c.get_attribute("data-claim") for c in cards(browser)][-2:] == [first, second]
    db = store.open_db(corpus)
    stored = {d["claim_id"]: d for d in store.read_decisions(db)}
    db.close()
    assert stored[first]["decision"] == "accepted" and stored[first]["reviewer"] == "Zhang Min"
    assert stored[second]["corrections"] == {"date": "2025-03-01"}
    browser.get(f"{server}/?article={article}#c-{second}")
    screenshot(browser, "review-decided.png")

    # The timeline renders a page of therapies, and each reviewed claim on its therapy's chart.
    browser.get(f"{server}/timeline")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.timeline")
    assert len(charts) == 5
    for claim_id, state in ((first, "accepted"), (second, "corrected")):
        therapy = stored[claim_id]["snapshot"]["therapy"]
        browser.get(f"{server}/timeline?therapy={therapy}")
        assert browser.find_elements(By.CSS_SELECTOR, f"a.point.state-{state}")
    point = browser.find_element(By.CSS_SELECTOR, "a.point circle")
    assert float(point.get_attribute("r")) > 0 and point.size["width"] > 0
    screenshot(browser, "timeline.png")

    # An article holding <script> shows it as text and runs nothing.
    browser.get(f"{server}/?article=zz_script.txt")
    sentence = browser.find_element(By.CSS_SELECTOR, ".claim .sentence")
    assert "<script>window.__xss = 2</script>" in sentence.text
    paragraph = browser.find_element(By.CSS_SELECTOR, ".claim .paragraph").text
    assert '<b onmouseover="window.__xss = 3">' in paragraph
    assert browser.execute_script("return window.__xss === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "main b, main script")
    screenshot(browser, "escaped-script.png")
