package org.neuralstyle.weights;

import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads weights files, recognising the format from the file's first bytes (never from its name): MatConvNet
 * .mat, Keras .h5, ONNX, Caffe .caffemodel. None of these formats can run code.
 */
public final class WeightFiles {

    private WeightFiles() {
    }

    /** The weights of an architecture from a file whose input convention the file itself tells. */
    public static NetworkWeights load(Path file, NetworkArchitecture architecture) throws IOException {
        return read(file).bind(architecture);
    }

    /** The weights of an architecture from a file, its input convention named by the user where given. */
    public static NetworkWeights load(Path file, NetworkArchitecture architecture, Optional<InputConvention> convention)
            throws IOException {
        WeightCatalogue catalogue = read(file);
        return (convention.isPresent() ? catalogue.withConvention(convention.get()) : catalogue).bind(architecture);
    }

    /** Everything the file holds, not yet matched to an architecture. */
    public static WeightCatalogue read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "weights file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new WeightsFormatException(file + ": not a readable file");
        }
        String header = headerText(file);
        if (header.startsWith("MATLAB 5.0 MAT-file")) {
            return MatConvNetWeights.read(file);
        }
        if (header.startsWith("MATLAB 7.3 MAT-file")) {
            throw new WeightsFormatException(file + ": MAT v7.3 (HDF5) files are not supported; "
                    + "use MatConvNet's imagenet-vgg-verydeep-19.mat (MAT v5)");
        }
        if (header.startsWith("\u0089HDF\r\n\u001a\n")) {
            return KerasWeights.read(file);
        }
        if (looksLikeOnnx(file)) {
            return OnnxWeights.read(file);
        }
        if (looksLikeCaffe(file)) {
            return CaffeWeights.read(file);
        }
        throw new WeightsFormatException(file + ": unknown weights format (expected a MatConvNet .mat file "
                + "such as imagenet-vgg-verydeep-19.mat, a Keras .h5 file, an ONNX model or a Caffe .caffemodel)");
    }

    /**
     * ONNX files are protobuf ModelProto messages; every exporter writes ir_version (field 1, varint) first,
     * so the first byte is the tag 0x08 followed by a small version number.
     */
    private static boolean looksLikeOnnx(Path file) throws IOException {
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 2) < 2) {
                return false;
            }
        }
        return head[0] == 0x08 && head[1] > 0 && head[1] < 32;
    }

    /**
     * Caffe NetParameter files start with the net's name (field 1), its legacy layers (field 2) or its
     * layers (field 100), each length-delimited: tag byte 0x0A, 0x12, or 0xA2 0x06.
     */
    private static boolean looksLikeCaffe(Path file) throws IOException {
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 2) < 2) {
                return false;
            }
        }
        int first = head[0] & 0xff;
        return first == 0x0A || first == 0x12 || first == 0xA2 && head[1] == 0x06;
    }

    private static String headerText(Path file) throws IOException {
        byte[] head = new byte[128];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.ISO_8859_1);
    }
}
