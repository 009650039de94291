package vigil.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Channel;
import vigil.schemas.Party;
import vigil.schemas.SentimentLabel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver), two separately logged-in
 * browsers: an alert written to Kafka shows up live, an acknowledgement in one shows in the other.
 */
class ConsoleBrowserTest {
    private static final Path SCREENSHOT = Path.of("target", "console.png");
    private static final Duration LIVE = Duration.ofSeconds(10);

    private static ConsoleFixture fixture;
    private static Console console;
    private static final List<WebDriver> browsers = new ArrayList<>();
    private static final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new ConsoleFixture();
        console = fixture.startConsole();
    }

    @AfterAll
    static void stop() throws Exception {
        browsers.forEach(WebDriver::quit);
        if (console != null) {
            console.close();
        }
        fixture.close();
        for (Path profile : profiles) {
            org.apache.flink.util.FileUtils.deleteDirectoryQuietly(profile.toFile());
        }
    }

    @Test
    void alertsArriveLiveAndAnAcknowledgementReachesTheOtherSupervisor() throws Exception {
        long now = System.currentTimeMillis();
        writeCustomerHistory(now);
        WebDriver alice = loggedIn("alice");
        WebDriver bob = loggedIn("bob");

        Alert spike = ConsoleFixture.spikeAlert("spike:billing:" + now, now - 20_000);
        Alert rule = ConsoleFixture.ruleAlert("C000042", now);
        long sent = System.nanoTime();
        fixture.sendAlert(spike);
        fixture.sendAlert(rule);
        WebElement aliceCard = waitFor(alice, card(rule.getAlertId()));
        waitFor(alice, card(spike.getAlertId()));
        waitFor(alice, card(olderAlert.getAlertId()) + ".state-RESOLVED");
        WebElement bobCard = waitFor(bob, card(rule.getAlertId()));
        long seenMs = (System.nanoTime() - sent) / 1_000_000;
        assertThat(seenMs).as("alert on both pages (ms)").isLessThan(LIVE.toMillis());
        assertThat(aliceCard.getText()).contains("CRITICAL").contains("Customer asks to cancel").contains("NEW");
        assertThat(alice.findElements(By.cssSelector("#alerts .alert")).get(0).getAttribute("data-alert-id"))
                .as("newest first").isEqualTo(rule.getAlertId());
        assertThat(bobCard.findElement(By.cssSelector(".state")).getText()).isEqualTo("NEW");

        aliceCard.findElement(By.cssSelector("button.act-acknowledge")).click();
        new WebDriverWait(bob, LIVE).until(ExpectedConditions.textToBe(
                By.cssSelector(card(rule.getAlertId()) + " .state"), "ACKNOWLEDGED"));
        assertThat(bob.findElement(By.cssSelector(card(rule.getAlertId()))).getText()).contains("acknowledged by alice");

        // filters: severity; queue (the billing queue's chat is the outage alert's evidence); state
        Alert outage = olderAlert;
        select(alice, "f-severity", "HIGH");
        assertThat(shown(alice)).containsExactly(spike.getAlertId());
        select(alice, "f-severity", "");
        select(alice, "f-queue", "billing");
        assertThat(shown(alice)).containsExactly(outage.getAlertId());
        select(alice, "f-queue", "");
        select(alice, "f-state", "RESOLVED");
        assertThat(shown(alice)).containsExactly(outage.getAlertId());
        select(alice, "f-state", "OPEN");
        assertThat(shown(alice)).containsExactly(rule.getAlertId(), spike.getAlertId());
        select(alice, "f-topic", "billing");
        assertThat(shown(alice)).containsExactly(spike.getAlertId());
        select(alice, "f-topic", "");
        select(alice, "f-state", "");

        // drill-down: redacted interactions with sentiment, churn risk and reasons, actions, segment
        alice.findElement(By.cssSelector(card(rule.getAlertId()) + " a.customer-link")).click();
        WebElement customer = new WebDriverWait(alice, LIVE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#customer tr.interaction")));
        String drill = alice.findElement(By.id("customer")).getText();
        assertThat(drill).contains("Customer C000042").contains("71 % (high)").contains("contract=Month-to-month")
                .contains("billing-credit").contains("NEGATIVE -0.82").contains("[PHONE]");
        assertThat(customer.isDisplayed()).isTrue();

        Thread.sleep(2_500); // one chart event
        Files.createDirectories(SCREENSHOT.getParent());
        File shot = ((TakesScreenshot) alice).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }

    /** What the job would have written about the customers behind the alerts. */
    private static Alert olderAlert;

    private static void writeCustomerHistory(long now) throws Exception {
        String[][] turns = {
                {"CALL", "CUSTOMER", "Hi, I was charged twice for my plan this month", "NEGATIVE", "-0.55"},
                {"CALL", "AGENT", "I'm sorry about that, let me look at your account", "NEUTRAL", "0.05"},
                {"CALL", "CUSTOMER", "If this isn't fixed I will cancel my contract, call me on [PHONE]", "NEGATIVE", "-0.82"},
        };
        for (int i = 0; i < turns.length; i++) {
            String[] t = turns[i];
            fixture.sendInteraction(ConsoleFixture.interaction("ev-c1-" + (i + 1), "C000042", Channel.valueOf(t[0]),
                    Party.valueOf(t[1]), t[2], "retention", SentimentLabel.valueOf(t[3]), Double.parseDouble(t[4]),
                    now - 30_000 + i * 5_000));
        }
        fixture.sendInteraction(ConsoleFixture.interaction("ev-c2-1", "C000077", Channel.SOCIAL, null,
                "billing is broken again, charged twice @[HANDLE]", null, SentimentLabel.NEGATIVE, -0.7, now - 15_000));
        for (int i = 0; i < 12; i++) {
            Channel channel = i % 3 == 0 ? Channel.CHAT : i % 3 == 1 ? Channel.SOCIAL : Channel.CALL;
            fixture.sendInteraction(ConsoleFixture.interaction("ev-bg-" + i, "C1" + i, channel, Party.CUSTOMER,
                    "question about my bill", "billing", SentimentLabel.NEUTRAL, -0.4 + 0.07 * i, now - 120_000 + i * 10_000));
        }
        fixture.sendScore(ConsoleFixture.score("C000042", now));
        Alert older = olderAlert = ConsoleFixture.spikeAlert("spike:outage:" + (now - 200_000), now - 200_000);
        older.setTopic("outage");
        older.setEvidence(List.of("CHAT ev-bg-0: question about my bill"));
        older.setSeverity(vigil.schemas.Severity.MEDIUM);
        fixture.sendAlert(older);
        older.setStatus(AlertStatus.RESOLVED);
        older.setUpdatedAt(now - 60_000);
        fixture.sendAlert(older);
    }

    private static void select(WebDriver browser, String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private static List<String> shown(WebDriver browser) {
        return browser.findElements(By.cssSelector("#alerts .alert")).stream().map(e -> e.getAttribute("data-alert-id")).toList();
    }

    private static String card(String alertId) {
        return "#alerts .alert[data-alert-id='" + alertId + "']";
    }

    private static WebElement waitFor(WebDriver browser, String css) {
        return new WebDriverWait(browser, LIVE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static WebDriver loggedIn(String name) throws Exception {
        Path profile = Files.createTempDirectory("vigil-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        browser.manage().window().setSize(new Dimension(1440, 960));
        browser.get(console.url() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("token")).sendKeys(ConsoleFixture.TOKEN);
        browser.findElement(By.id("login")).click();
        try {
            new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBe(By.id("status"), "live"));
        } catch (RuntimeException e) {
            System.out.println("DEBUG " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        }
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(name);
        return browser;
    }
}
