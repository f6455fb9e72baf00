package org.neuralstyle.studio;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the studio. Checked before every request:
 * <ul>
 * <li>A loopback server answers only requests addressed to a loopback name, so a web page elsewhere cannot reach
 * it through DNS rebinding.</li>
 * <li>A server bound elsewhere needs its access token: header {@value #TOKEN_HEADER}, or {@code ?token=} once (the
 * page then keeps it in a same-site cookie).</li>
 * <li>A request that changes something must carry {@value #WRITE_HEADER}: 1, which browsers let no other site's
 * page send without asking (CORS), so a malicious page cannot submit or delete jobs.</li>
 * </ul>
 */
final class AccessGuard {

    static final String TOKEN_HEADER = "X-Studio-Token";
    static final String WRITE_HEADER = "X-Studio";
    static final String COOKIE = "studio_token";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final StudioSettings settings;

    AccessGuard(StudioSettings settings) {
        this.settings = settings;
    }

    void check(Context ctx) {
        if (!settings.requiresToken()) {
            String host = hostName(ctx.header("Host"));
            if (!LOOPBACK_NAMES.contains(host) && !host.equals(settings.host())) {
                throw new ApiError(403, "this studio answers only requests to 127.0.0.1 or localhost");
            }
        } else {
            String query = ctx.queryParam("token");
            String given = ctx.header(TOKEN_HEADER);
            if (given == null) {
                given = query != null ? query : ctx.cookie(COOKIE);
            }
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    settings.token().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiError(401, "this studio needs its access token: open the address it printed when it started");
            }
            if (query != null) {
                ctx.header("Set-Cookie", COOKIE + "=" + settings.token() + "; Path=/; HttpOnly; SameSite=Strict");
            }
        }
        HandlerType method = ctx.method();
        if (method != HandlerType.GET && method != HandlerType.HEAD && !"1".equals(ctx.header(WRITE_HEADER))) {
            throw new ApiError(403, "requests that change something need the header " + WRITE_HEADER + ": 1");
        }
    }

    /** "localhost:8642" -> "localhost", "[::1]:8642" -> "[::1]". */
    static String hostName(String header) {
        if (header == null) {
            return "";
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            h = h.substring(0, colon);
        }
        return h;
    }
}
