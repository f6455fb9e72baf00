package org.neuralstyle.models;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where downloaded weights live: $NEURAL_STYLE_CACHE if set, else $XDG_CACHE_HOME/neural-style, else
 * ~/.cache/neural-style.
 */
public record ModelCache(Path directory) {

    public static final String ENVIRONMENT_VARIABLE = "NEURAL_STYLE_CACHE";

    public static ModelCache fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static ModelCache fromEnvironment(Map<String, String> env, Path home) {
        String explicit = env.get(ENVIRONMENT_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return new ModelCache(Path.of(explicit));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return new ModelCache(base.resolve("neural-style"));
    }

    public Path fileFor(KnownModel model) {
        return directory.resolve(model.fileName());
    }
}
