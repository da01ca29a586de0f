#!/usr/bin/env python3
"""Opens newsgraph's HTML page in headless Chromium and uses it as a person would.

    python3 tests/python/html_chromium.py PAGE.html [--screenshot OUT.png] [--expect-actors]

Types searches ("بوتين" with and without diacritics, "Lavrov"), clicks the nodes found, and
checks that the details panel shows the expected label, Arabic name and an evidence sentence;
then checks the kind, type and date filters. Needs Debian's chromium and chromium-driver and
PyPI's selenium. Prints "N passed, N failed" and exits non-zero on any failure.
"""
import argparse
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def start(width=1400, height=900):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-US",
        f"--window-size={width},{height}",
    ]:
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)


def search(driver, text):
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    time.sleep(0.2)
    return [b.get_attribute("data-id") for b in driver.find_elements(By.CSS_SELECTOR, "#results button")]


def click_node(driver, node_id):
    node = driver.find_element(By.CSS_SELECTOR, f'g.node[data-id="{node_id}"]')
    node.click()
    time.sleep(0.2)
    return driver.find_element(By.ID, "details")


def visible_nodes(driver, selector="g.node"):
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].filter(g => !g.classList.contains('hidden')).length",
        selector,
    )


def full_view(driver):
    ids = search(driver, "بوتين")
    check("search بوتين finds Vladimir Putin", "person:vladimir-putin" in ids, ids)
    ids = search(driver, "بُوتِين")
    check("search with diacritics finds him too", "person:vladimir-putin" in ids, ids)
    details = click_node(driver, "person:vladimir-putin")
    label = details.find_element(By.CSS_SELECTOR, "h2.label").text
    check("details show the label", label == "Vladimir Putin", label)
    check("details show the Arabic name", "فلاديمير بوتين" in details.text, details.text[:200])
    quotes = details.find_elements(By.CSS_SELECTOR, "blockquote.evidence")
    check("details show evidence sentences", len(quotes) > 0 and "بوتين" in details.text)
    check(
        "evidence is laid out right to left",
        quotes and driver.execute_script("return getComputedStyle(arguments[0]).direction", quotes[0]) == "rtl",
    )

    ids = search(driver, "Lavrov")
    check("search Lavrov finds Sergey Lavrov", "person:sergey-lavrov" in ids, ids)
    driver.find_element(By.CSS_SELECTOR, '#results button[data-id="person:sergey-lavrov"]').click()
    time.sleep(0.2)
    details = driver.find_element(By.ID, "details")
    check("a result button selects the node", details.get_attribute("data-selected") == "person:sergey-lavrov")
    check("Lavrov's roles are listed", "foreign minister of Russia" in details.text, details.text[:300])

    event = "event:meet:2023-09-20:4dec66fba5"
    if driver.find_elements(By.CSS_SELECTOR, f'g.node[data-id="{event}"]'):
        search(driver, "")
        # bring the event to the front as a search would, then click it
        driver.execute_script(
            "const g=document.querySelector(arguments[0]); g.parentNode.appendChild(g);",
            f'g.node[data-id="{event}"]',
        )
        details = click_node(driver, event)
        text = details.text
        check("event details show type and date", "meet 2023-09-20" in text and "2023-09-20 (inferred)" in text, text[:300])
        check("event details list participants", "participant: Vladimir Putin" in text and "participant: Wang Yi" in text, text[:400])
        check("event details show the evidence sentence", "وقال بوتين خلال لقائه" in text, text[:400])
    else:
        check("the dated meeting of the seed is drawn", False, event)

    total = visible_nodes(driver)
    driver.find_element(By.CSS_SELECTOR, 'input[data-kind="event"]').click()
    time.sleep(0.1)
    check("unticking a kind hides its nodes", visible_nodes(driver, "g.node.kind-event") == 0)
    driver.find_element(By.CSS_SELECTOR, 'input[data-kind="event"]').click()
    time.sleep(0.1)
    check("ticking it again shows them", visible_nodes(driver) == total)

    driver.find_element(By.CSS_SELECTOR, 'input[data-type="statement"]').click()
    time.sleep(0.1)
    stmts = driver.execute_script(
        "return JSON.parse(document.getElementById('graph-data').textContent).nodes"
        ".filter(n => n.event_type === 'statement').length"
    )
    check("unticking an event type hides those events", visible_nodes(driver) == total - stmts, (total, stmts))
    driver.find_element(By.CSS_SELECTOR, 'input[data-type="statement"]').click()

    # a date range: only events whose days overlap it stay, undated ones only while asked for
    driver.execute_script(
        """for (const [id, v] of [['date-from','2023-09-01'],['date-to','2023-09-30']]) {
             const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('change')); }"""
    )
    driver.find_element(By.ID, "undated").click()
    time.sleep(0.1)
    shown = driver.execute_script(
        "return [...document.querySelectorAll('g.node.kind-event')].filter(g => !g.classList.contains('hidden')).map(g => g.dataset.id)"
    )
    # every event shown is dated inside the range, the meeting among them, and the rest are hidden
    dated = driver.execute_script(
        "return JSON.parse(document.getElementById('graph-data').textContent).nodes"
        ".filter(n => n.kind === 'event' && n.date && n.date.start.startsWith('2023-09')).map(n => n.id)"
    )
    check("a date range keeps the events in it", event in shown and sorted(shown) == sorted(dated), (shown, dated))
    driver.find_element(By.ID, "undated").click()
    driver.execute_script(
        """for (const id of ['date-from','date-to']) {
             const e = document.getElementById(id); e.value = ''; e.dispatchEvent(new Event('change')); }"""
    )
    time.sleep(0.1)
    check("clearing the range shows everything again", visible_nodes(driver) == total)


def actors_view(driver):
    check("the actors view has no event nodes", not driver.find_elements(By.CSS_SELECTOR, "g.node.kind-event"))
    ids = search(driver, "وانغ يي")
    check("search وانغ يي finds Wang Yi", "person:wang-yi" in ids, ids)
    details = click_node(driver, "person:wang-yi")
    text = details.text
    check("folded events show type, date and counterpart", "meet 2023-09-20 (inferred) · with Vladimir Putin" in text, text[:400])
    check("folded events keep their evidence", len(details.find_elements(By.CSS_SELECTOR, "blockquote.evidence")) > 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("page")
    ap.add_argument("--screenshot", help="write a PNG of the page after the checks")
    ap.add_argument("--expect-actors", action="store_true", help="the page shows the actors view")
    ap.add_argument("--only-load", action="store_true", help="only check that the page loads (any graph)")
    ap.add_argument("--select", help="for the screenshot: search this text and click this node id (TEXT=ID)")
    ap.add_argument("--height", type=int, default=900, help="window height")
    args = ap.parse_args()
    driver = start(height=args.height)
    try:
        driver.get("file://" + os.path.abspath(args.page))
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check("the page loads without script errors", not errors, errors)
        n = len(driver.find_elements(By.CSS_SELECTOR, "g.node"))
        check("every node is drawn", n == driver.execute_script(
            "return JSON.parse(document.getElementById('graph-data').textContent).nodes.length"), n)
        if args.only_load:
            pass
        elif args.expect_actors:
            actors_view(driver)
        else:
            full_view(driver)
        if args.screenshot:
            if args.select:
                text, node_id = args.select.split("=", 1)
                search(driver, text)
                driver.execute_script(
                    "const g=document.querySelector(arguments[0]); g.parentNode.appendChild(g);",
                    f'g.node[data-id="{node_id}"]',
                )
                click_node(driver, node_id)
            driver.save_screenshot(args.screenshot)
    finally:
        driver.quit()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
