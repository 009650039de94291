package vigil.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Logged-in supervisors: a random session id (the HttpOnly cookie) maps to the supervisor's name and the
 * session's CSRF token (synchronizer pattern). Sessions expire after {@code timeout} without use.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    /** One login: who, and the token every state-changing request must carry. */
    public static final class Session {
        final String id;
        final String name;
        final String csrf;
        volatile long lastUsed;

        Session(String id, String name, String csrf, long now) {
            this.id = id;
            this.name = name;
            this.csrf = csrf;
            this.lastUsed = now;
        }

        public String name() {
            return name;
        }

        public String csrf() {
            return csrf;
        }
    }

    private final byte[] tokenDigest;
    private final long timeoutMs;
    private final LongSupplier clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Sessions(String token, long timeoutMs, LongSupplier clock) {
        this.tokenDigest = digest(token);
        this.timeoutMs = timeoutMs;
        this.clock = clock;
    }

    /** Compares in constant time (digests of equal length). */
    public boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(tokenDigest, digest(given));
    }

    public Session create(String name) {
        long now = clock.getAsLong();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> now - s.lastUsed > timeoutMs);
        }
        if (sessions.size() >= MAX_SESSIONS) {
            throw new IllegalStateException("too many sessions");
        }
        Session session = new Session(randomId(), name, randomId(), now);
        sessions.put(session.id, session);
        return session;
    }

    /** The live session with this id, or null; using it extends it. */
    public Session find(String id) {
        if (id == null) {
            return null;
        }
        Session session = sessions.get(id);
        long now = clock.getAsLong();
        if (session == null || now - session.lastUsed > timeoutMs) {
            if (session != null) {
                sessions.remove(id);
            }
            return null;
        }
        session.lastUsed = now;
        return session;
    }

    public void remove(Session session) {
        sessions.remove(session.id);
    }

    static boolean sameSecret(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(digest(a), digest(b));
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
