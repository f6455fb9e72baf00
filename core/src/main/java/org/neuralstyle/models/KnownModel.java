package org.neuralstyle.models;


import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A weights file the program can fetch by itself: where from, how big, and the checksum that proves the
 * download is the real file.
 */
public record KnownModel(String name, String network, String fileName, URI url, int approximateMegabytes,
                         Checksum checksum, String description) {

    /** The Keras VGG-19 "notop" weights: the default, and the smallest VGG-19 file users have (80 MB). */
    public static final KnownModel VGG19 = kerasNotop("vgg19", "VGG-19", 80, "253f8cb515780f3b799900260a226db6");

    public static final KnownModel VGG19_MATCONVNET = new KnownModel("vgg19-matconvnet", "vgg19",
            "imagenet-vgg-verydeep-19.mat",
            URI.create("https://www.vlfeat.org/matconvnet/models/imagenet-vgg-verydeep-19.mat"),
            534, new Checksum("SHA-256", "abdb57167f82a2a1fbab1e1c16ad9373411883f262a1a37ee5db2e6fb0044695"),
            "VGG-19, MatConvNet (the reference implementation's file)");

    /** Keras' VGG-16 "notop" weights, the same layout as VGG-19's (REFERENCE.md section 3). */
    public static final KnownModel VGG16 = kerasNotop("vgg16", "VGG-16", 59, "6d6bbae143d832006294945121d1f1fc");

    /** Keras Applications' convolutional-only ("notop") weights of a VGG, as published with their MD5. */
    private static KnownModel kerasNotop(String network, String title, int megabytes, String md5) {
        String fileName = network + "_weights_tf_dim_ordering_tf_kernels_notop.h5";
        return new KnownModel(network, network, fileName,
                URI.create("https://storage.googleapis.com/tensorflow/keras-applications/" + network + "/" + fileName),
                megabytes, new Checksum("MD5", md5), title + " convolutional layers, Keras (HDF5)");
    }

    public static List<KnownModel> all() {
        return List.of(VGG19, VGG19_MATCONVNET, VGG16);
    }

    public static Optional<KnownModel> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return all().stream().filter(m -> m.name.equals(n)).findFirst();
    }

    /** The default model for a network, if there is one to download. */
    public static Optional<KnownModel> defaultFor(String network) {
        return all().stream().filter(m -> m.network.equals(network)).findFirst();
    }
}
