"""The whole flow of a new officer in a real browser: headless Chromium from the system's
packages driven by Selenium through the system's chromedriver (nothing is downloaded). The
screenshots at 1366×768 and 390×844 go to $BROADCAST_ARTIFACTS, else test-artifacts/web."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT, decode
from tests.web.conftest import TOML, as_docx, real_document

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
LAPTOP, PHONE = (1366, 768), (390, 844)
WAIT_S = 180  # an upper bound for one espeak build, never a measure


def artifacts() -> Path:
    folder = Path(os.environ.get("BROADCAST_ARTIFACTS") or ROOT / "test-artifacts" / "web")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def server(tmp_path, monkeypatch):
    """`broadcast web --no-browser` on 127.0.0.1, a free port, in a thread."""
    from broadcast.web.command import make_server

    folder = tmp_path / "dai-xa"
    folder.mkdir()
    (folder / "broadcast.toml").write_text(TOML, encoding="utf-8")
    monkeypatch.chdir(folder)
    served, url = make_server(folder, "127.0.0.1", 0)
    thread = threading.Thread(target=served.run, kwargs={"sockets": [served.config.socket]},
                              daemon=True)
    thread.start()
    yield url, folder
    served.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def browser(tmp_path, monkeypatch):
    if not (CHROMIUM.exists() and DRIVER.exists()):
        pytest.skip("Chưa có trình duyệt: cần gói Debian chromium và chromium-driver "
                    "(/usr/bin/chromium, /usr/bin/chromedriver) — no system Chromium here")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager never downloads anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=vi",
                 "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                 f"--window-size={LAPTOP[0]},{LAPTOP[1]}"):
        options.add_argument(flag)
    downloads = tmp_path / "tai-ve"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.downloads = downloads
    viewport(driver, *LAPTOP)
    yield driver
    driver.quit()


def inner(driver) -> int:
    return driver.execute_script("return window.innerHeight")


def viewport(driver, width: int, height: int) -> None:
    """The page's own area (not the window's) made ``width`` × ``height``."""
    driver.set_window_size(width, height)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
    assert driver.execute_script("return [window.innerWidth, window.innerHeight]") == [
        width, height]


class Officer:
    """What a new user does, step by step, and what they see."""

    def __init__(self, driver, url: str) -> None:
        from selenium.common.exceptions import (
            NoSuchElementException,
            StaleElementReferenceException,
        )
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver, self.url = driver, url
        self.wait = WebDriverWait(driver, WAIT_S, ignored_exceptions=(  # a page being replaced
            NoSuchElementException, StaleElementReferenceException))
        self.shots: list[Path] = []

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def click_text(self, text: str):
        from selenium.webdriver.common.by import By

        target = self.driver.find_element(By.XPATH, f"//*[self::a or self::button]"
                                                    f"[contains(normalize-space(.), '{text}')]")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
        target.click()

    def sees(self, text: str) -> None:
        from selenium.common.exceptions import TimeoutException

        try:
            self.wait.until(lambda d: text in d.find_element("tag name", "body").text)
        except TimeoutException:
            self.driver.save_screenshot(str(artifacts() / "that-bai.png"))
            page = self.driver.find_element("tag name", "body").text
            raise AssertionError(f"'{text}' not seen at {self.driver.current_url}:\n{page}") \
                from None

    def shot(self, name: str) -> None:
        """Two screenshots: the window as it is (name.png) and the whole page at the window's
        width (name-ca-trang.png); nothing may be wider than the window."""
        d = self.driver
        width = d.execute_script("return document.documentElement.scrollWidth")
        assert width <= d.execute_script("return window.innerWidth"), f"{name}: cut off"
        d.save_screenshot(str(artifacts() / f"{name}.png"))
        height = d.execute_script("return document.documentElement.scrollHeight")
        size = d.get_window_size()
        d.set_window_size(size["width"], size["height"] + max(0, min(height, 4000) - inner(d)))
        d.save_screenshot(str(artifacts() / f"{name}-ca-trang.png"))
        d.set_window_size(size["width"], size["height"])
        self.shots.append(artifacts() / f"{name}.png")


def test_a_new_officer_from_a_real_document_to_the_months_program(server, browser, tmp_path):
    url, folder = server
    me = Officer(browser, url)
    source = as_docx(real_document(), tmp_path / "thong-bao-ra-quan.docx")

    browser.get(url)
    me.sees("Tháng này chưa có bài nào")
    me.shot("1366-01-thang-trong")
    me.click_text("Thêm bài")
    me.find("#tep").send_keys(str(source))
    me.sees("Đã chọn: thong-bao-ra-quan.docx")
    browser.execute_script("document.querySelector('input[name=ngay]').value='2025-03-10'")
    me.shot("1366-02-them-bai")
    me.click_text("Đọc văn bản và soạn bài")
    me.sees("Văn bản đã được hiểu")
    assert "Tổ chức ra quân tổng vệ sinh môi trường" in me.find("table.found").text
    me.shot("1366-03-da-hieu")

    me.find("#to-draft").click()
    me.sees("Giọng đọc sẽ nói")
    title = me.find("input[name=short_title]")
    title.clear()
    title.send_keys("RA QUÂN VỆ SINH MÔI TRƯỜNG")
    me.find("#body").send_keys("\n\nBan XYZ và Tổ dân phố họp ngày 5/3/2025.")
    me.wait.until(lambda d: me.all("#spoken mark"))
    assert "mùng năm tháng ba" in me.find("#spoken").text
    assert me.find("#spoken mark").text.lower() == "ích i dét"
    me.shot("1366-04-sua-bai")
    me.click_text("Lưu bài")
    me.sees("Đã lưu bài")
    script = next((folder / "audio_out" / "2025-03").glob("*.md"))
    assert "Ban XYZ và Tổ dân phố" in script.read_text(encoding="utf-8")

    assert me.find("input[name=by]").get_attribute("value") == "Nông Văn Nhượng"
    me.click_text("Ghi phê duyệt")
    me.sees("Đã ghi phê duyệt")
    assert me.find("#state").text == "Đã duyệt"

    me.click_text("Dựng MP3 để phát")
    me.wait.until(lambda d: me.all("#audio"))
    assert browser.current_url.endswith("?xong=dung#nghe")
    assert browser.execute_script("return window.scrollY") > 0  # the player brought into view
    me.sees("Tải MP3")
    assert me.find("#state").text == "Đã dựng"
    listen(me)
    me.shot("1366-05-nghe")
    download(me, browser.downloads)

    me.click_text("Bài tháng 03/2025")
    me.sees("RA QUÂN VỆ SINH MÔI TRƯỜNG")
    me.click_text("Dựng chương trình tháng và lịch phát")
    me.sees("CHƯƠNG TRÌNH PHÁT THANH THÁNG 3/2025")
    assert (folder / "audio_out" / "2025-03" / "lich-phat-thang-03-2025.md").is_file()
    me.shot("1366-06-chuong-trinh-thang")
    browser.get(url + "cai-dat")
    me.shot("1366-07-cai-dat")
    browser.get(url + "nguon-tin")
    me.shot("1366-08-nguon-tin")
    on_a_phone(me, url, script)
    assert len(me.shots) == 13


def listen(me: Officer) -> None:
    """Play the bài: the highlighted sentence follows the audio's time."""
    cues = me.all("#cues li")
    assert len(cues) > 3
    me.driver.execute_script("const a = document.getElementById('audio'); a.muted = true; "
                             "a.play();")
    me.wait.until(lambda d: me.all("#cues li.current"))
    first = cues.index(me.find("#cues li.current"))
    later = float(cues[3].get_attribute("data-start")) + 0.05
    me.driver.execute_script(f"document.getElementById('audio').currentTime = {later};")
    me.wait.until(lambda d: cues.index(me.find("#cues li.current")) >= 3)
    assert first < cues.index(me.find("#cues li.current"))
    me.driver.execute_script("document.getElementById('audio').pause();")


def download(me: Officer, folder: Path) -> None:
    me.click_text("Tải MP3")
    me.wait.until(lambda d: any(p.suffix == ".mp3" for p in folder.iterdir()))
    mp3 = next(p for p in folder.iterdir() if p.suffix == ".mp3")
    assert len(decode(mp3)) > 44100
    me.click_text("Tải DOCX")
    me.wait.until(lambda d: any(p.suffix == ".docx" for p in folder.iterdir()))
    shutil.rmtree(folder, ignore_errors=True)


def on_a_phone(me: Officer, url: str, script: Path) -> None:
    viewport(me.driver, *PHONE)
    for name, address in (("01-thang", "thang/2025-03"), ("02-them-bai", "them"),
                          ("03-bai", f"bai/2025-03/{script.stem}"), ("04-cai-dat", "cai-dat"),
                          ("05-nguon-tin", "nguon-tin")):
        me.driver.get(url + address)
        me.shot(f"390-{name}")
    viewport(me.driver, *LAPTOP)
