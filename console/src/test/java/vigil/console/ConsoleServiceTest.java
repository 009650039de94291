package vigil.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.schemas.Alert;
import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.Party;
import vigil.schemas.SentimentLabel;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as a service over HTTP, on a real broker: access control, CSRF, actions through cx.control, restart. */
class ConsoleServiceTest {
    private static ConsoleFixture fixture;
    private static Console console;

    @BeforeAll
    static void start() {
        fixture = new ConsoleFixture();
        console = fixture.startConsole();
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        fixture.close();
    }

    @Test
    void nothingWithoutASession() throws Exception {
        assertThat(get("/api/alerts", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/customers/C1", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/events", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/alerts", "vigil_session=forged").statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        assertThat(post("/api/alerts/x/actions", null, null, console.url(), "{\"action\":\"ACKNOWLEDGE\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void loginNeedsTheTokenAndSetsAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> wrong = fixture.http.send(fixture.loginRequest(console, "mallory", "not-the-token", console.url()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> crossSite = fixture.http.send(
                fixture.loginRequest(console, "alice", ConsoleFixture.TOKEN, "http://evil.example"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);

        ConsoleFixture.Login login = fixture.login(console, "alice");
        assertThat(login.setCookieHeader()).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        HttpResponse<String> session = get("/api/session", login.cookie());
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"name\":\"alice\"");
        assertThat(get("/", login.cookie()).body()).contains("Vigil console").contains("/static/app.js");
    }

    @Test
    void actionsNeedTheCsrfTokenAndTheConsolesOwnOrigin() throws Exception {
        Alert alert = ConsoleFixture.spikeAlert("spike:billing:csrf", System.currentTimeMillis());
        fixture.sendAlert(alert);
        ConsoleFixture.Login login = fixture.login(console, "alice");
        awaitBody("/api/alerts", login.cookie(), body -> body.contains("spike:billing:csrf"));
        String path = "/api/alerts/spike:billing:csrf/actions";
        String ack = "{\"action\":\"ACKNOWLEDGE\"}";

        assertThat(post(path, login.cookie(), null, console.url(), ack).statusCode()).isEqualTo(403);
        assertThat(post(path, login.cookie(), "wrong", console.url(), ack).statusCode()).isEqualTo(403);
        assertThat(post(path, login.cookie(), login.csrf(), "http://evil.example", ack).statusCode()).isEqualTo(403);
        assertThat(post(path, login.cookie(), login.csrf(), null, ack).statusCode()).isEqualTo(403);
        assertThat(post("/logout", login.cookie(), null, console.url(), "").statusCode()).isEqualTo(403);
        assertThat(fixture.controlMessages()).noneMatch(m -> m.getPayload() != null && m.getPayload().contains("csrf"));

        assertThat(post(path, login.cookie(), login.csrf(), console.url(), "{\"action\":\"FLY\"}").statusCode()).isEqualTo(400);
        assertThat(post(path, login.cookie(), login.csrf(), console.url(), "{\"action\":\"ASSIGN\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/alerts/nope/actions", login.cookie(), login.csrf(), console.url(), ack).statusCode()).isEqualTo(404);
        assertThat(post(path, login.cookie(), login.csrf(), console.url(), ack).statusCode()).isEqualTo(202);
    }

    @Test
    void actionsGoThroughCxControlAndComeBackToEveryone() throws Exception {
        long now = System.currentTimeMillis();
        fixture.sendAlert(ConsoleFixture.spikeAlert("spike:billing:roundtrip", now));
        ConsoleFixture.Login alice = fixture.login(console, "alice");
        ConsoleFixture.Login bob = fixture.login(console, "bob");
        awaitBody("/api/alerts", alice.cookie(), body -> body.contains("spike:billing:roundtrip"));
        BlockingQueue<String> bobsEvents = events(bob.cookie());
        assertThat(poll(bobsEvents, line -> line.equals("event: snapshot"))).isTrue();

        String path = "/api/alerts/spike:billing:roundtrip/actions";
        assertThat(post(path, alice.cookie(), alice.csrf(), console.url(), "{\"action\":\"ASSIGN\",\"assignee\":\"carol\"}")
                .statusCode()).isEqualTo(202);

        ControlMessage message = fixture.controlMessages().stream()
                .filter(m -> m.getPayload().contains("spike:billing:roundtrip")).findFirst().orElseThrow();
        assertThat(message.getType()).isEqualTo(ControlType.ALERT_ACTION);
        assertThat(message.getIssuedBy()).isEqualTo("console:alice");
        AlertAction action = AlertAction.fromJson(message.getPayload());
        assertThat(action.action()).isEqualTo(AlertAction.Action.ASSIGN);
        assertThat(action.assignee()).isEqualTo("carol");
        assertThat(action.by()).isEqualTo("alice");
        assertThat(action.at()).isBetween(now - 1_000, System.currentTimeMillis());

        assertThat(poll(bobsEvents, line -> line.startsWith("data:") && line.contains("spike:billing:roundtrip")
                && line.contains("\"state\":\"ASSIGNED\"") && line.contains("\"assignee\":\"carol\""))).isTrue();
        awaitBody("/api/alerts", bob.cookie(), body -> body.contains("\"assignee\":\"carol\""));
    }

    @Test
    void aRestartedConsoleRebuildsTheStateFromKafka() throws Exception {
        long now = System.currentTimeMillis();
        fixture.sendAlert(ConsoleFixture.ruleAlert("C-restart", now));
        String alertId = "rule:wants-to-cancel:C-restart:" + now;
        fixture.sendInteraction(ConsoleFixture.interaction("ev-r1", "C-restart", Channel.CALL, Party.CUSTOMER,
                "I want to cancel my contract", "retention", SentimentLabel.NEGATIVE, -0.8, now));
        fixture.sendScore(ConsoleFixture.score("C-restart", now));
        ConsoleFixture.Login alice = fixture.login(console, "alice");
        awaitBody("/api/alerts", alice.cookie(), body -> body.contains(alertId));
        String path = "/api/alerts/" + alertId + "/actions";
        assertThat(post(path, alice.cookie(), alice.csrf(), console.url(), "{\"action\":\"ACKNOWLEDGE\"}").statusCode()).isEqualTo(202);
        assertThat(post(path, alice.cookie(), alice.csrf(), console.url(), "{\"action\":\"RESOLVE\"}").statusCode()).isEqualTo(202);
        awaitBody("/api/alerts", alice.cookie(), body -> body.contains("\"resolvedBy\":\"alice\""));

        try (Console second = fixture.startConsole()) {
            ConsoleFixture.Login dave = fixture.login(second, "dave");
            String alerts = awaitBody(second, "/api/alerts", dave.cookie(), body -> body.contains("\"resolvedBy\":\"alice\""));
            assertThat(alerts).contains(alertId).contains("\"state\":\"RESOLVED\"").contains("\"queues\":[\"retention\"]");
            assertThat(get(second, "/api/alerts", alice.cookie()).statusCode()).as("sessions are per console").isEqualTo(401);
            String customer = awaitBody(second, "/api/customers/C-restart", dave.cookie(), body -> body.contains("churnRisk"));
            assertThat(customer).contains("I want to cancel my contract").contains("\"churnBand\":\"high\"")
                    .contains("billing-credit").contains("\"segment\":3").contains(alertId);
        }
    }

    @Test
    void anErasureForgetsTheCustomer() throws Exception {
        long now = System.currentTimeMillis();
        fixture.sendInteraction(ConsoleFixture.interaction("ev-e1", "C-erase", Channel.CHAT, Party.CUSTOMER,
                "my bill is wrong", "billing", SentimentLabel.NEGATIVE, -0.5, now));
        ConsoleFixture.Login alice = fixture.login(console, "alice");
        awaitBody("/api/customers/C-erase", alice.cookie(), body -> body.contains("my bill is wrong"));
        fixture.send(vigil.schemas.streams.StreamId.SCORES, "C-erase", null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (get("/api/customers/C-erase", alice.cookie()).statusCode() != 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get("/api/customers/C-erase", alice.cookie()).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        return get(console, path, cookie);
    }

    private static HttpResponse<String> get(Console target, String path, String cookie) throws Exception {
        if (path.equals("/api/events")) {
            HttpRequest.Builder request = fixture.request(target, path, cookie).header("Accept", "text/event-stream");
            HttpResponse<InputStream> stream = fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            stream.body().close();
            return new Plain(stream.statusCode(), stream);
        }
        return fixture.get(target, path, cookie);
    }

    private static HttpResponse<String> post(String path, String cookie, String csrf, String origin, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitBody(String path, String cookie, java.util.function.Predicate<String> ready) throws Exception {
        return awaitBody(console, path, cookie, ready);
    }

    private static String awaitBody(Console target, String path, String cookie, java.util.function.Predicate<String> ready)
            throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> response = get(target, path, cookie);
            body = response.body();
            if (response.statusCode() == 200 && ready.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready after 15 s: " + path + " -> " + body);
    }

    /** The lines of the event stream, read on a thread of its own. */
    private static BlockingQueue<String> events(String cookie) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.url() + "/api/events")).header("Cookie", cookie)
                .header("Accept", "text/event-stream").build();
        fixture.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }

    private static boolean poll(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return true;
            }
        }
        return false;
    }

    /** A response whose body was not read (the event stream). */
    private record Plain(int statusCode, HttpResponse<InputStream> raw) implements HttpResponse<String> {
        public HttpRequest request() { return raw.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return raw.headers(); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return raw.sslSession(); }
        public URI uri() { return raw.uri(); }
        public java.net.http.HttpClient.Version version() { return raw.version(); }
    }
}
