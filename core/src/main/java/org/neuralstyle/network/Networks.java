package org.neuralstyle.network;

import java.util.List;
import java.util.Locale;

/** The architectures users can name with --network. */
public final class Networks {

    private Networks() {
    }

    public static List<String> names() {
        return List.of("vgg19", "vgg16", "squeezenet");
    }

    public static NetworkArchitecture byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "vgg19" -> Vgg.vgg19();
            case "vgg16" -> Vgg.vgg16();
            case "squeezenet", "squeezenet1.1", "squeezenet11" -> SqueezeNet.v1_1();
            default -> throw new IllegalArgumentException("unknown network '" + name + "' (known: "
                    + String.join(", ", names()) + ")");
        };
    }
}
