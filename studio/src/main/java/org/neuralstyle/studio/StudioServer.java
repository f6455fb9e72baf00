package org.neuralstyle.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code neural-style serve}: the studio's page and its JSON API on an embedded Javalin (Jetty) server. The API
 * is documented in the README ("Studio"); every refusal is a JSON object {@code {"error": "one line"}} with a 4xx.
 */
public final class StudioServer implements AutoCloseable {

    private static final String PAGE = "/org/neuralstyle/studio/page/";

    private final StudioSettings settings;
    private final Studio studio;
    private final StudioEvents events;
    private final ObjectMapper json;
    private final Javalin app;

    private StudioServer(StudioSettings settings, JobRunner runner) throws IOException {
        this.settings = settings;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        this.events = new StudioEvents(json);
        this.studio = new Studio(settings, runner, json, events);
        AccessGuard guard = new AccessGuard(settings);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = 1 << 20; // JSON bodies; uploads are streamed with their own limit
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
        });
        app.before(guard::check);
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, 400, JsonErrors.describe(e)));
        // A fault of the studio itself: the page gets one line, the server's log the details.
        app.exception(Exception.class, (e, ctx) -> {
            e.printStackTrace();
            error(ctx, 500, "the studio failed on this request (the server's log has the details)");
        });
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                error(ctx, 404, "no such page or API: " + ctx.method() + " " + ctx.path());
            }
        });
        routes();
    }

    /** Starts the server on the settings' host and port (0: any free port). */
    public static StudioServer start(StudioSettings settings, JobRunner runner) throws IOException {
        StudioServer server = new StudioServer(settings, runner);
        try {
            server.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.studio.close();
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + rootMessage(e) + ")", e);
        }
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The page's address; with the token where the server needs one. */
    public String url() {
        String host = settings.host();
        try {
            if (java.net.InetAddress.getByName(host).isAnyLocalAddress()) { // 0.0.0.0: this machine's name for others
                host = java.net.InetAddress.getLocalHost().getHostName();
            }
        } catch (java.net.UnknownHostException e) {
            // keep the address as given
        }
        host = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + host + ":" + port() + "/" + (settings.requiresToken() ? "?token=" + settings.token() : "");
    }

    private void routes() {
        app.get("/", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
        app.get("/studio.js", ctx -> page(ctx, "studio.js", "text/javascript; charset=utf-8"));
        app.get("/studio.css", ctx -> page(ctx, "studio.css", "text/css; charset=utf-8"));
        app.get("/api/options", ctx -> {
            OptionCatalogue catalogue = studio.catalogue();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("options", catalogue.options());
            body.put("videoOptions", catalogue.videoOptions());
            body.put("presets", catalogue.presets());
            body.put("networks", catalogue.networks().keySet());
            body.put("defaultNetwork", catalogue.defaultNetwork());
            body.put("maxUploadBytes", settings.maxUploadBytes());
            body.put("maxImageSide", settings.maxImageSide());
            ctx.json(body);
        });
        app.post("/api/uploads", ctx -> ctx.status(201).json(studio.upload(ctx.bodyInputStream())));
        app.get("/api/uploads/{id}", ctx -> file(ctx, studio.uploadFile(ctx.pathParam("id")), null));
        app.get("/api/uploads/{id}/settings", ctx -> ctx.json(studio.uploadSettings(ctx.pathParam("id"))));
        app.get("/api/uploads/{id}/thumbnail", ctx -> file(ctx, studio.uploadThumbnail(ctx.pathParam("id")), null));
        app.get("/api/jobs", ctx -> ctx.json(studio.jobs()));
        app.post("/api/jobs", ctx -> ctx.status(201).json(studio.submit(json.readValue(ctx.body(), JobSpec.class))));
        app.get("/api/jobs/{id}", ctx -> {
            Job job = studio.job(ctx.pathParam("id"));
            ctx.json(Map.of("job", job.record(), "losses", job.losses()));
        });
        app.get("/api/jobs/{id}/preview", ctx -> file(ctx, studio.jobFile(ctx.pathParam("id"), JobStore.PREVIEW), null));
        app.get("/api/jobs/{id}/result", ctx -> {
            JobRecord job = studio.job(ctx.pathParam("id")).record();
            file(ctx, studio.jobFile(job.id(), job.resultFile()),
                    ctx.queryParam("download") != null ? JobArguments.downloadName(job) : null);
        });
        app.get("/api/jobs/{id}/thumbnail", ctx -> file(ctx, studio.jobThumbnail(ctx.pathParam("id")), null));
        app.get("/api/jobs/{id}/log", ctx -> file(ctx, studio.jobFile(ctx.pathParam("id"), JobStore.LOG), null));
        app.post("/api/jobs/{id}/cancel", ctx -> ctx.json(studio.cancel(ctx.pathParam("id"))));
        app.post("/api/jobs/{id}/move", ctx -> {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.path("position").isInt()) {
                throw ApiError.badRequest("position: give the place in the waiting line as a whole number (0 = next)");
            }
            studio.move(ctx.pathParam("id"), body.get("position").asInt());
            ctx.json(studio.jobs());
        });
        app.delete("/api/jobs/{id}", ctx -> {
            studio.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        app.sse("/api/events", events::add);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message.lines().findFirst().orElse("error")));
    }

    private static void page(Context ctx, String name, String type) throws IOException {
        InputStream in = StudioServer.class.getResourceAsStream(PAGE + name);
        if (in == null) {
            throw ApiError.notFound("no page " + name);
        }
        try (in) {
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        }
    }

    private static void file(Context ctx, Path file, String downloadName) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") ? "image/jpeg"
                : name.endsWith(".gif") ? "image/gif" : name.endsWith(".webp") ? "image/webp"
                : name.endsWith(".bmp") ? "image/bmp" : name.endsWith(".tif") ? "image/tiff"
                : name.endsWith(".mp4") ? "video/mp4" : name.endsWith(".video") ? "application/octet-stream"
                : "text/plain; charset=utf-8";
        if (downloadName != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        }
        ctx.header("Cache-Control", "no-store");
        try {
            if (type.startsWith("video/")) {
                ctx.writeSeekableStream(Files.newInputStream(file), type, Files.size(file)); // players seek with Range
            } else {
                ctx.contentType(type).result(Files.newInputStream(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Stops taking requests and jobs; a running job keeps its best image and is marked interrupted. */
    @Override
    public void close() {
        studio.close();
        events.closeAll();
        app.stop();
    }
}
