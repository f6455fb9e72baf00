package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.studio.LocalJobRunner;
import org.neuralstyle.studio.StudioServer;
import org.neuralstyle.studio.StudioSettings;
import org.neuralstyle.testing.SharedData;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The studio in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs), with the
 * real command line and SqueezeNet behind it: upload, live preview, gallery, copied command, cancel, restart.
 */
class StudioBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path temp;

    private Path data;
    private Path squeezenet;
    private StudioServer server;
    private WebDriver browser;

    @BeforeEach
    void setUp() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason + "; .ci/run installs them");
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        squeezenet = BuiltInSqueezeNet.file();
        data = temp.resolve("studio");
        server = startServer();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    private StudioServer startServer() throws IOException {
        return StudioServer.start(new StudioSettings("127.0.0.1", 0, data, null,
                        StudioSettings.DEFAULT_MAX_UPLOAD_BYTES, StudioSettings.DEFAULT_MAX_IMAGE_SIDE),
                new LocalJobRunner(LocalJobRunner.networks(Map.of("squeezenet", squeezenet)), "squeezenet"));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebDriverWait await(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    /** A copy in the test's folder: what a user picks from their own disk. */
    private String local(String media) {
        try {
            Path copy = temp.resolve(Path.of(media).getFileName());
            Files.copy(SharedData.media(media), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void open() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        await(30).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private void chooseInputs() {
        browser.findElement(By.id("content-file")).sendKeys(local("content/chelsea.png"));
        await(30).until(d -> d.findElement(By.id("content-thumb")).isDisplayed() || d.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("notice")).isDisplayed()).as(browser.findElement(By.id("notice")).getText()).isFalse();
        browser.findElement(By.id("style-files")).sendKeys(local("style/starry_night.jpg"));
        await(30).until(d -> !d.findElements(By.cssSelector("#style-list li")).isEmpty());
        new Select(browser.findElement(By.id("network"))).selectByValue("squeezenet");
        new Select(browser.findElement(By.id("preset"))).selectByValue("preview");
        browser.findElement(By.cssSelector("#all-options summary")).click();
    }

    private void setOption(String name, String value) {
        WebElement input = browser.findElement(By.cssSelector("#option-form input[data-option='" + name + "']"));
        input.clear();
        input.sendKeys(value);
    }

    private WebElement card(String state) {
        return await(240).until(d -> d.findElements(By.cssSelector("#gallery .card[data-state='" + state + "']"))
                .stream().findFirst().orElse(null));
    }

    @Test
    void aJobFromUploadToGalleryWithLivePreviewCancelAndRestart() throws Exception {
        open();
        chooseInputs();
        setOption("--width", "384");
        setOption("--iterations", "80");
        long start = System.nanoTime();
        browser.findElement(By.id("start")).click();

        // The live preview: watch its address change as new previews arrive.
        Set<String> previews = new LinkedHashSet<>();
        double firstPreviewSeconds = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline && browser.findElements(By.cssSelector("#gallery .card")).isEmpty()) {
            String src = browser.findElement(By.id("preview")).getAttribute("src");
            if (src != null && src.contains("/preview?v=") && previews.add(src) && firstPreviewSeconds < 0) {
                firstPreviewSeconds = (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(20);
        }
        System.out.printf("studio: first preview %.2f s after Start (SqueezeNet, 384 px); %d previews seen%n",
                firstPreviewSeconds, previews.size());
        assertThat(previews).as("preview images seen").hasSizeGreaterThanOrEqualTo(3);

        WebElement done = card("DONE");
        String jobId = done.getAttribute("data-id");
        Path result = data.resolve("jobs").resolve(jobId).resolve("result.png");
        assertThat(result).exists();
        await(30).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const img = document.querySelector('#gallery .card img.result'); return img && img.complete && img.naturalWidth > 0;"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path screenshot = Path.of("target", "studio-screenshot.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // Copy as CLI command: the command shown is the job's, and running it gives the same picture.
        done.findElement(By.cssSelector("button.copy")).click();
        WebElement commandBox = done.findElement(By.cssSelector("textarea.command"));
        await(10).until(d -> commandBox.isDisplayed());
        String command = commandBox.getAttribute("value");
        assertThat(command).startsWith("neural-style --content ").contains("--network squeezenet").contains("--width 384")
                .contains("--iterations 80").contains("--seed ").endsWith("--output stylized-" + jobId + ".png");
        List<String> args = new ArrayList<>(List.of(command.substring("neural-style ".length()).split(" ")));
        Path copy = temp.resolve("copied.png");
        args.set(args.size() - 1, copy.toString());
        CliRun rerun = CliRun.of(args.toArray(String[]::new));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(meanAbsoluteDifference(ImageFiles.read(result), ImageFiles.read(copy))).isLessThan(0.5);

        // Cancel a long job: the best image so far is kept as its result.
        setOption("--iterations", "3000");
        browser.findElement(By.id("start")).click();
        await(120).until(d -> d.findElement(By.id("running")).isDisplayed()
                && d.findElement(By.id("progress")).getText().matches("iteration ([5-9]|[1-9]\\d+) .*"));
        browser.findElement(By.id("cancel")).click();
        WebElement cancelled = card("CANCELLED");
        assertThat(cancelled.getText()).contains("best image so far is kept");
        String cancelledId = cancelled.getAttribute("data-id");
        RgbImage kept = ImageFiles.read(data.resolve("jobs").resolve(cancelledId).resolve("result.png"));
        assertThat(kept.width()).isEqualTo(384);

        // A restarted server shows the same gallery.
        server.close();
        server = startServer();
        open();
        await(30).until(d -> d.findElements(By.cssSelector("#gallery .card")).size() == 2);
        assertThat(browser.findElement(By.cssSelector("#gallery .card[data-id='" + jobId + "']")).getAttribute("data-state"))
                .isEqualTo("DONE");
        assertThat(browser.findElement(By.cssSelector("#gallery .card[data-id='" + cancelledId + "']")).getAttribute("data-state"))
                .isEqualTo("CANCELLED");
    }

    /** A mask per style from the page: chosen beside its style, shown small, and the job paints with it. */
    @Test
    void aStyleGetsAMaskFromThePage() throws Exception {
        open();
        chooseInputs();
        browser.findElement(By.id("style-files")).sendKeys(local("style/the_scream.jpg"));
        await(30).until(d -> d.findElements(By.cssSelector("#style-list li")).size() == 2);
        Path mask = temp.resolve("left-third.png");
        float[] px = new float[30 * 20 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i / 3) % 30 < 10 ? 255 : 0;
        }
        ImageFiles.write(new RgbImage(30, 20, px), mask);
        browser.findElements(By.cssSelector("#style-list .style-mask input[type=file]")).get(0).sendKeys(mask.toString());
        await(30).until(d -> d.findElements(By.cssSelector("#style-list img.mask-thumb")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("#style-list li")).get(0).getText()).contains("change mask")
                .contains("everywhere");
        Path screenshot = Path.of("target", "studio-masks.png");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        setOption("--width", "96");
        setOption("--iterations", "10");
        browser.findElement(By.id("start")).click();
        String jobId = card("DONE").getAttribute("data-id");
        String record = Files.readString(data.resolve("jobs").resolve(jobId).resolve("job.json"));
        assertThat(record).contains("\"--style-masks\"").contains(",all\"");
    }

    /**
     * On a phone (390 x 844, emulated): one column, no sideways scroll, and Start, the running job and the gallery
     * within the screen's width; before, the page was 942 px wide and Running and Gallery were off screen.
     */
    @Test
    void onAPhoneThePageIsOneColumnWithNothingOffScreen() throws Exception {
        open();
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                "height", 844, "deviceScaleFactor", 1, "mobile", true));
        chooseInputs();
        setOption("--width", "128");
        setOption("--iterations", "2000");
        browser.findElement(By.id("start")).click();
        await(120).until(d -> d.findElement(By.id("running")).isDisplayed());
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        long pageWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(pageWidth).as("page width at 390 px").isLessThanOrEqualTo(390);
        for (String id : List.of("start", "now", "results", "preview", "cancel")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) js.executeScript("const r = document.getElementById(arguments[0])"
                    + ".getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width};", id);
            assertThat(((Number) box.get("left")).doubleValue()).as(id + " left").isGreaterThanOrEqualTo(0);
            assertThat(((Number) box.get("right")).doubleValue()).as(id + " right").isLessThanOrEqualTo(390);
            assertThat(((Number) box.get("width")).doubleValue()).as(id + " width").isPositive();
        }
        // The running job comes first on a phone: it is what changes.
        double now = ((Number) js.executeScript("return document.getElementById('now').getBoundingClientRect().top")).doubleValue();
        double form = ((Number) js.executeScript("return document.getElementById('new-job').getBoundingClientRect().top")).doubleValue();
        assertThat(now).isLessThan(form);
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(Path.of("target", "studio-390.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.id("cancel")).click();
        card("CANCELLED");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(Path.of("target", "studio-1500.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The waiting list holds still while a job runs: its rows are the same elements seconds later (before, they were
     * rebuilt about 17 times in 5 s and clicks and focus were lost), the keyboard's focus stays on a row's button,
     * and a double click on Start queues one job.
     */
    @Test
    void theQueueHoldsStillAndADoubleClickQueuesOneJob() throws Exception {
        open();
        chooseInputs();
        setOption("--width", "128");
        setOption("--iterations", "3000");
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        WebElement start = browser.findElement(By.id("start"));
        start.click();
        await(60).until(d -> d.findElement(By.id("running")).isDisplayed());
        js.executeScript("const b = document.getElementById('start'); b.click(); b.click();");
        await(30).until(d -> d.findElements(By.cssSelector("#queue li")).size() == 1);
        start.click();
        await(30).until(d -> d.findElements(By.cssSelector("#queue li")).size() == 2);
        Thread.sleep(1000);
        assertThat(browser.findElements(By.cssSelector("#queue li"))).as("a double click queued one job").hasSize(2);

        js.executeScript("document.querySelectorAll('#queue li').forEach((li) => li.dataset.marked = 'yes');"
                + "document.querySelector('#queue li .cancel').focus();");
        String progressBefore = browser.findElement(By.id("progress")).getText();
        Thread.sleep(3000);
        assertThat(browser.findElement(By.id("progress")).getText()).as("the running job moved on").isNotEqualTo(progressBefore);
        assertThat(browser.findElements(By.cssSelector("#queue li[data-marked='yes']"))).as("the same rows").hasSize(2);
        assertThat((Boolean) js.executeScript("return document.activeElement === document.querySelector('#queue li .cancel')"))
                .as("focus kept").isTrue();
        // Clicks at human speed (press, 150 ms, release) while the job runs and the page updates: 20 of 20 work,
        // each moving the same job up and then down again.
        String moving = browser.findElements(By.cssSelector("#queue li")).get(1).getAttribute("data-id");
        int worked = 0;
        for (int click = 0; click < 20; click++) {
            boolean up = click % 2 == 0;
            WebElement row = browser.findElement(By.cssSelector("#queue li[data-id='" + moving + "']"));
            new org.openqa.selenium.interactions.Actions(browser).clickAndHold(row.findElement(By.cssSelector(up ? "button.up"
                    : "button.down"))).pause(Duration.ofMillis(150)).release().perform();
            int wanted = up ? 0 : 1;
            try {
                await(5).until(d -> d.findElements(By.cssSelector("#queue li")).get(wanted).getAttribute("data-id")
                        .equals(moving));
                worked++;
            } catch (org.openqa.selenium.TimeoutException missed) {
                // counted below
            }
        }
        assertThat(worked).as("clicks that worked, of 20").isEqualTo(20);
        browser.findElement(By.id("cancel")).click();
    }

    /** What a screen reader and low vision need: alt texts, labelled buttons, contrast, a voice for progress. */
    @Test
    void thePageSpeaksToScreenReadersAndMeetsContrast() throws Exception {
        open();
        chooseInputs();
        setOption("--width", "96");
        setOption("--iterations", "30");
        browser.findElement(By.id("start")).click();
        card("DONE");
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        assertThat(browser.findElement(By.id("announce")).getAttribute("textContent")).contains("finished");
        assertThat(browser.findElement(By.id("announce")).getAttribute("aria-live")).isEqualTo("polite");
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) js.executeScript(
                "return [...document.querySelectorAll('img, button, input, select, canvas')]"
                + ".filter((e) => !e.hidden && e.type !== 'hidden' && e.offsetParent !== null || e.tagName === 'CANVAS')"
                + ".filter((e) => { const label = e.alt || e.getAttribute('aria-label') || e.textContent.trim()"
                + "  || (e.labels && e.labels.length && e.labels[0].textContent.trim()) || e.title; return !label; })"
                + ".map((e) => e.outerHTML.slice(0, 120));");
        assertThat(unlabelled).as("elements without a text alternative or label").isEmpty();
        assertThat(browser.findElement(By.id("losses")).getAttribute("aria-label")).startsWith("loss curve");
        // WCAG 2.1 AA: 4.5:1 for the text on the page, against the background it is drawn on.
        @SuppressWarnings("unchecked")
        List<String> faint = (List<String>) js.executeScript(String.join("\n",
                "const lum = (c) => { const v = c.match(/[\\d.]+/g).slice(0, 3).map((x) => { x /= 255;",
                "  return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });",
                "  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };",
                "const background = (e) => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;",
                "  if (b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') return b; } return 'rgb(255, 255, 255)'; };",
                "const out = [];",
                "for (const e of document.querySelectorAll('body *')) {",
                "  if (e.offsetParent === null || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;",
                "  const a = lum(getComputedStyle(e).color), b = lum(background(e));",
                "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
                "  if (ratio < 4.5) out.push(e.tagName + ' ' + ratio.toFixed(2) + ' ' + e.textContent.trim().slice(0, 40));",
                "}",
                "return out;"));
        assertThat(faint).as("text below 4.5:1 contrast").isEmpty();
    }

    /**
     * The painter's controls first: style strength (in words from subtle to strong), brush strokes and the photo's
     * colours become --style-strength, --style-scales and --colors; the copied command has them, so it paints the
     * same picture.
     */
    @Test
    void thePaintersControlsBecomeTheJobsOptions() throws Exception {
        open();
        chooseInputs();
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("const s = document.getElementById('strength'); s.value = '1'; s.dispatchEvent(new Event('input'));"
                + "const b = document.getElementById('stroke'); b.value = '2'; b.dispatchEvent(new Event('input'));");
        assertThat(browser.findElement(By.id("strength-value")).getText()).isEqualTo("strong");
        // All options in --help's groups, with a list where the values are a few words and a number field for numbers.
        assertThat(browser.findElements(By.cssSelector("#option-form fieldset legend")).stream().map(WebElement::getText)
                .toList()).contains("Style", "Size and memory", "Optimisation");
        new Select(browser.findElement(By.cssSelector("#option-form select[data-option='--optimizer']")))
                .selectByValue("lbfgs");
        assertThat(browser.findElement(By.cssSelector("#option-form input[data-option='--width']")).getAttribute("type"))
                .isEqualTo("number");
        assertThat(browser.findElement(By.id("stroke-value")).getText()).isEqualTo("broad");
        browser.findElement(By.id("keep-colours")).click();
        setOption("--width", "96");
        setOption("--iterations", "20");
        browser.findElement(By.id("start")).click();
        WebElement done = card("DONE");
        String record = Files.readString(data.resolve("jobs").resolve(done.getAttribute("data-id")).resolve("job.json"));
        assertThat(record).contains("\"--optimizer\", \"lbfgs\"")
                .contains("\"--style-strength\", \"2\"").contains("\"--style-scales\", \"2\"")
                .contains("\"--colors\", \"content-histogram\"");
        done.findElement(By.cssSelector("button.copy")).click();
        assertThat(done.findElement(By.cssSelector("textarea.command")).getAttribute("value"))
                .contains("--style-strength 2 ").contains("--style-scales 2 ").contains("--colors content-histogram");
    }

    /**
     * A gallery that serves: a card named after its photo and painting (and the download so named), "use these
     * settings" puts the job back in the form, Delete can be undone, the form survives a reload, and a failed upload
     * clears its thumbnail.
     */
    @Test
    void theGalleryNamesReusesAndUndoesAndTheFormSurvivesAReload() throws Exception {
        open();
        chooseInputs();
        setOption("--width", "96");
        setOption("--iterations", "15");
        browser.findElement(By.id("start")).click();
        WebElement done = card("DONE");
        String jobId = done.getAttribute("data-id");
        assertThat(done.findElement(By.cssSelector(".title")).getText()).isEqualTo("chelsea × starry_night");
        String href = done.findElement(By.cssSelector("a.download")).getAttribute("href");
        java.net.http.HttpResponse<Void> download = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"chelsea-starry_night.png\"");

        // A small picture on the card, made once; the full size beside the photo on a click.
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        WebElement thumbnail = done.findElement(By.cssSelector("img.result"));
        assertThat(thumbnail.getAttribute("src")).contains("/api/jobs/" + jobId + "/thumbnail");
        await(10).until(d -> ((Number) js.executeScript("return arguments[0].naturalWidth", thumbnail)).intValue() > 0);
        assertThat(((Number) js.executeScript("return Math.max(arguments[0].naturalWidth, arguments[0].naturalHeight)",
                thumbnail)).intValue()).isLessThanOrEqualTo(256);
        assertThat(data.resolve("jobs").resolve(jobId).resolve("thumbnail.jpg")).exists();
        done.findElement(By.cssSelector("button.view")).click();
        await(10).until(d -> (Boolean) js.executeScript("const v = document.getElementById('viewer');"
                + "const p = document.getElementById('viewer-photo'), r = document.getElementById('viewer-result');"
                + "return v.open && p.complete && p.naturalWidth > 0 && r.complete && r.naturalWidth > 0;"));
        js.executeScript("const s = document.getElementById('viewer-split'); s.value = '20'; s.dispatchEvent(new Event('input'));");
        assertThat(browser.findElement(By.id("viewer-result")).getCssValue("clip-path")).isEqualTo("inset(0px 0px 0px 20%)");
        browser.findElement(By.id("viewer-close")).click();
        assertThat((Boolean) js.executeScript("return document.getElementById('viewer').open")).isFalse();

        // The form survives a reload.
        browser.navigate().refresh();
        await(30).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#style-list li"))).hasSize(1);
        assertThat(browser.findElement(By.id("content-thumb")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#option-form input[data-option='--width']")).getAttribute("value"))
                .isEqualTo("96");

        // Use these settings: a cleared form gets the job back.
        browser.findElement(By.cssSelector("#style-list li button[aria-label^='remove']")).click();
        browser.findElement(By.cssSelector("#all-options summary")).click();
        setOption("--width", "");
        card("DONE").findElement(By.cssSelector("button.reuse")).click();
        assertThat(browser.findElements(By.cssSelector("#style-list li"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#option-form input[data-option='--width']")).getAttribute("value"))
                .isEqualTo("96");

        // Dropping (choosing) a picture the program made fills the form with its recorded settings.
        setOption("--width", "");
        setOption("--iterations", "");
        Path made = temp.resolve("made-here.png");
        Files.copy(data.resolve("jobs").resolve(jobId).resolve("result.png"), made);
        browser.findElement(By.id("settings-file")).sendKeys(made.toString());
        await(20).until(d -> "96".equals(d.findElement(By.cssSelector("#option-form input[data-option='--width']"))
                .getAttribute("value")));
        assertThat(browser.findElement(By.cssSelector("#option-form input[data-option='--iterations']"))
                .getAttribute("value")).isEqualTo("15");
        browser.findElement(By.id("settings-file")).sendKeys(local("style/starry_night.jpg"));
        await(20).until(d -> d.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("carries no neural-style settings");

        // Delete, then Undo: the job stays; Delete and wait: it goes.
        card("DONE").findElement(By.cssSelector("button.delete")).click();
        await(5).until(d -> d.findElements(By.cssSelector("#gallery .card")).isEmpty());
        browser.findElement(By.cssSelector("#undo button.undo")).click();
        await(5).until(d -> d.findElements(By.cssSelector("#gallery .card")).size() == 1);
        Thread.sleep(7000);
        assertThat(data.resolve("jobs").resolve(jobId)).as("undone: kept").exists();
        card("DONE").findElement(By.cssSelector("button.delete")).click();
        await(15).until(d -> !Files.exists(data.resolve("jobs").resolve(jobId)));

        // A failed upload clears its thumbnail.
        Path notAnImage = temp.resolve("broken.png");
        Files.writeString(notAnImage, "not a picture");
        browser.findElement(By.id("content-file")).sendKeys(notAnImage.toString());
        await(30).until(d -> d.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("content-thumb")).isDisplayed()).as("old thumbnail gone").isFalse();
    }

    /** Deque's axe-core on the empty page, with a job running and with the gallery: no serious or critical violation. */
    @Test
    void axeFindsNoSeriousViolationsEmptyRunningOrWithAGallery() throws Exception {
        open();
        List<String> found = new ArrayList<>(seriousViolations("empty page"));
        chooseInputs();
        setOption("--width", "128");
        setOption("--iterations", "3000");
        browser.findElement(By.id("start")).click();
        await(60).until(d -> d.findElement(By.id("running")).isDisplayed());
        found.addAll(seriousViolations("a job running"));
        browser.findElement(By.id("cancel")).click();
        card("CANCELLED");
        found.addAll(seriousViolations("the gallery"));
        assertThat(found).as("serious or critical axe violations").isEmpty();
    }

    private List<String> seriousViolations(String where) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(browser);
        List<String> serious = new ArrayList<>();
        for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
            System.out.printf("axe, %s: %s (%s), %d nodes%n", where, rule.getId(), rule.getImpact(), rule.getNodes().size());
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(where + ": " + rule.getId() + " " + rule.getNodes().stream().map(n -> n.getHtml())
                        .limit(3).toList());
            }
        }
        return serious;
    }

    @Test
    void aBadUploadShowsAVisibleNotice() throws IOException {
        Path notAnImage = temp.resolve("notes.png");
        Files.writeString(notAnImage, "this is not a picture");
        open();
        browser.findElement(By.id("content-file")).sendKeys(notAnImage.toString());
        WebElement notice = await(30).until(d -> {
            WebElement n = d.findElement(By.id("notice"));
            return n.isDisplayed() ? n : null;
        });
        assertThat(notice.getText()).isEqualTo("notes.png: the upload is not an image (PNG, JPEG, BMP, GIF, WebP, "
                + "TIFF) or a video that can be read");
        browser.findElement(By.id("start")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Choose a content image first.");
    }

    @Test
    void aVideoJobShowsItsFramesAndPlaysInTheGallery() {
        open();
        browser.findElement(By.id("content-file")).sendKeys(local("video/tree.avi"));
        WebElement about = await(60).until(d -> {
            WebElement e = d.findElement(By.id("content-video"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(about.getText()).matches("video \\d+×\\d+, \\d+ frames");
        browser.findElement(By.id("style-files")).sendKeys(local("style/starry_night.jpg"));
        await(30).until(d -> !d.findElements(By.cssSelector("#style-list li")).isEmpty());
        new Select(browser.findElement(By.id("network"))).selectByValue("squeezenet");
        browser.findElement(By.cssSelector("#all-options summary")).click();
        setOption("--width", "96");
        setOption("--frames", "3"); // an option of video runs only: the form follows the content's kind
        setOption("--iterations", "12");
        setOption("--later-iterations", "6");
        browser.findElement(By.id("start")).click();
        await(180).until(d -> d.findElement(By.id("progress")).getText().startsWith("frame 2 / 3"));
        WebElement done = card("DONE");
        assertThat(done.findElement(By.cssSelector("textarea.command")).getAttribute("value"))
                .startsWith("neural-style video --content ").contains("--frames 3").endsWith(".mp4");
        WebElement player = done.findElement(By.cssSelector("video.result"));
        // The browser reads the video's header: it is a playable file of the three frames' length.
        Object duration = await(30).until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return arguments[0].readyState >= 1 ? arguments[0].duration : null;", player));
        assertThat(((Number) duration).doubleValue()).isGreaterThan(0);
    }

    private static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
        assertThat(b.width()).isEqualTo(a.width());
        assertThat(b.height()).isEqualTo(a.height());
        float[] x = a.pixels();
        float[] y = b.pixels();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return sum / x.length;
    }
}
