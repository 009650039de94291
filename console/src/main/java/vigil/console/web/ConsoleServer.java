package vigil.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.console.AlertAction;
import vigil.console.kafka.ActionWriter;
import vigil.console.metrics.ConsoleMetrics;
import vigil.console.view.AlertBoard;
import vigil.console.view.CustomerBook;
import vigil.console.view.LiveView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The console's HTTP side (Javalin): the login, the page, a JSON API and the live event stream. Every
 * page and API call needs a session; requests that change anything also need the session's CSRF token
 * (header {@code X-CSRF-Token}) and an {@code Origin} that is the console itself. The one exception is
 * {@code GET /metrics}: the console's own metrics for Prometheus, counts without any customer data.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    static final String COOKIE = "vigil_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String WEB = "/vigil/console/web/";

    private final LiveView view;
    private final Sessions sessions;
    private final ActionWriter actions;
    private final boolean secureCookie;
    private final EventStream events;
    private final ConsoleMetrics metrics;
    private final Javalin app;

    public ConsoleServer(LiveView view, Sessions sessions, ActionWriter actions, boolean secureCookie, long chartEveryMs,
                         ConsoleMetrics metrics) {
        this.view = view;
        this.metrics = metrics;
        this.sessions = sessions;
        this.actions = actions;
        this.secureCookie = secureCookie;
        this.events = new EventStream(() -> Json.write(view.chart().snapshot(view.now())), chartEveryMs);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = WEB + "static";
                files.location = Location.CLASSPATH;
            });
        });
        metrics.sseClients(events::clients);
        routes();
        view.listen(new LiveView.Listener() {
            @Override
            public void alertChanged(AlertBoard.Entry entry) {
                events.broadcast("alert", () -> Json.write(Json.alert(view.alerts().entry(entry.alert().getAlertId()), view)));
            }

            @Override
            public void customerChanged(String customerId) {
                events.customerChanged(customerId);
            }
        });
    }

    public ConsoleServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void routes() {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin"); // no-referrer would make form posts send "Origin: null"
            ctx.header("Cache-Control", "no-store");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        });
        app.before("/api/*", ctx -> requireSession(ctx));
        app.before(ctx -> {
            if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
                requireSameOrigin(ctx);
                if (!ctx.path().equals("/login")) {
                    Sessions.Session session = requireSession(ctx);
                    if (!Sessions.sameSecret(ctx.header(CSRF_HEADER), session.csrf())) {
                        throw new ForbiddenResponse("missing or wrong CSRF token");
                    }
                }
            }
        });

        app.get("/", ctx -> {
            if (session(ctx) == null) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
            } else {
                ctx.html(resource("index.html"));
            }
        });
        app.get("/metrics", ctx -> ctx.contentType(ConsoleMetrics.contentType()).result(metrics.scrape()));
        app.get("/login", ctx -> ctx.html(loginPage(null)));
        app.post("/login", this::login);
        app.post("/logout", ctx -> {
            sessions.remove(requireSession(ctx));
            ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.status(HttpStatus.NO_CONTENT);
        });

        app.get("/api/session", ctx -> {
            Sessions.Session s = requireSession(ctx);
            json(ctx, Json.write(Map.of("name", s.name(), "csrf", s.csrf())));
        });
        app.get("/api/alerts", ctx -> json(ctx, Json.alerts(view)));
        app.get("/api/customers/{id}", ctx -> {
            CustomerBook.Customer customer = view.customers().customer(ctx.pathParam("id"));
            if (customer == null) {
                throw new NotFoundResponse("no recent data for this customer");
            }
            json(ctx, Json.customer(customer, view));
        });
        app.get("/api/chart", ctx -> json(ctx, Json.write(view.chart().snapshot(view.now()))));
        app.sse("/api/events", client -> events.join(client, () -> Json.alerts(view)));
        app.post("/api/alerts/{id}/actions", this::act);

        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Console request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("server error");
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Json.write(Map.of("error", e.getMessage())));
        });
    }

    private void login(Context ctx) {
        String name;
        try {
            name = AlertAction.name(ctx.formParam("name"), "name");
        } catch (IllegalArgumentException e) {
            metrics.login(false);
            ctx.status(HttpStatus.BAD_REQUEST).html(loginPage(e.getMessage()));
            return;
        }
        if (!sessions.tokenMatches(ctx.formParam("token"))) {
            metrics.login(false);
            ctx.status(HttpStatus.UNAUTHORIZED).html(loginPage("Wrong token."));
            return;
        }
        Sessions.Session session = sessions.create(name);
        metrics.login(true);
        ctx.header("Set-Cookie", COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void act(Context ctx) throws Exception {
        Sessions.Session session = requireSession(ctx);
        String alertId = ctx.pathParam("id");
        JsonNode body = Json.read(ctx.body());
        AlertAction.Action type = AlertAction.parseAction(body.path("action").asText(null));
        String assignee = body.hasNonNull("assignee") ? body.get("assignee").asText() : null;
        if (!view.alerts().contains(alertId)) {
            throw new NotFoundResponse("no such alert");
        }
        AlertAction action = new AlertAction(alertId, type, assignee, session.name(), view.now());
        String id = actions.write(action);
        metrics.actionWritten(type);
        ctx.status(HttpStatus.ACCEPTED);
        json(ctx, Json.write(Map.of("id", id, "action", action)));
    }

    private Sessions.Session session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    private Sessions.Session requireSession(Context ctx) {
        Sessions.Session session = session(ctx);
        if (session == null) {
            throw new UnauthorizedResponse("log in first");
        }
        return session;
    }

    /** The browser's Origin must be this console (the host the browser used): no cross-site requests. */
    private static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin == null || host == null) {
            throw new ForbiddenResponse("missing Origin");
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || authority == null || !authority.equalsIgnoreCase(host)) {
                throw new ForbiddenResponse("cross-origin request refused");
            }
        } catch (IllegalArgumentException e) {
            throw new ForbiddenResponse("bad Origin");
        }
    }

    private static void json(Context ctx, String json) {
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    private static String loginPage(String error) {
        String page = resource("login.html");
        return page.replace("<!--error-->", error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WEB + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
