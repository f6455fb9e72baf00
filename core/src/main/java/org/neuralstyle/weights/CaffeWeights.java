package org.neuralstyle.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Caffe models such as VGG_ILSVRC_19_layers.caffemodel (the file jcjohnson/neural-style uses). The
 * protobuf NetParameter is decoded directly: legacy V1 {@code layers} (field 2; name = 4, blobs = 6) and
 * current {@code layer} (field 100; name = 1, blobs = 7). A BlobProto has legacy num/channels/height/width
 * (1-4) or shape (7, dim = 1) and data (5). Convolution blobs are [kernel OIHW, bias]; layers are matched by
 * name. Caffe's VGG takes BGR minus the ImageNet mean, so the first layer's input channels are reversed.
 */
public final class CaffeWeights {

    private CaffeWeights() {
    }

    private record Blob(long[] dims, float[] data) {
    }

    public static NetworkWeights read(Path file, NetworkArchitecture architecture) throws IOException {
        Set<String> wanted = new HashSet<>();
        architecture.convolutions().forEach(c -> wanted.add(c.name()));
        Map<String, List<Blob>> blobs = new HashMap<>();
        try (InputStream stream = Files.newInputStream(file)) {
            CodedInputStream in = CodedInputStream.newInstance(stream);
            in.setSizeLimit(Integer.MAX_VALUE);
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 2 || field == 100) {
                    readLayer(in, field == 2, wanted, blobs);
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable Caffe model (truncated or corrupt?)", e);
        }
        Map<String, ConvolutionWeights> convs = new HashMap<>();
        boolean first = true;
        for (Layer.Convolution conv : architecture.convolutions()) {
            List<Blob> layer = blobs.get(conv.name());
            if (layer == null || layer.size() < 2) {
                throw new WeightsFormatException(file + ": no layer '" + conv.name() + "' with weights and bias (not a "
                        + architecture.name() + " Caffe model?)");
            }
            ConvolutionWeights w = convolution(file, conv, layer.get(0), layer.get(1), architecture);
            convs.put(conv.name(), first ? w.withInputChannelsReversed() : w);
            first = false;
        }
        return new NetworkWeights(architecture, convs, InputNormalization.meanOnly(InputNormalization.IMAGENET_MEAN_RGB),
                file.getFileName() + " (Caffe, BGR weights taking RGB)");
    }

    private static ConvolutionWeights convolution(Path file, Layer.Convolution conv, Blob kernel, Blob bias,
                                                  NetworkArchitecture architecture) throws WeightsFormatException {
        int k = conv.kernelSize();
        long[] expected = {conv.outputChannels(), conv.inputChannels(), k, k};
        if (!java.util.Arrays.equals(kernel.dims(), expected) || bias.data().length != conv.outputChannels()) {
            throw new WeightsFormatException(file + ": layer '" + conv.name() + "' has kernel "
                    + java.util.Arrays.toString(kernel.dims()) + ", expected " + java.util.Arrays.toString(expected)
                    + " (out, in, h, w) for " + architecture.name());
        }
        return ConvolutionWeights.fromOihw(kernel.data(), conv.outputChannels(), conv.inputChannels(), k, k, bias.data());
    }

    /** Reads one layer; keeps its blobs only when it is a wanted convolution (fully connected layers are skipped). */
    private static void readLayer(CodedInputStream in, boolean legacy, Set<String> wanted, Map<String, List<Blob>> out)
            throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        int nameField = legacy ? 4 : 1;
        int blobField = legacy ? 6 : 7;
        String name = null;
        List<Blob> blobs = new ArrayList<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == nameField) {
                name = in.readString();
            } else if (field == blobField && name != null && wanted.contains(name)) {
                blobs.add(readBlob(in));
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        in.popLimit(limit);
        if (name != null && !blobs.isEmpty()) {
            out.put(name, blobs);
        }
    }

    private static Blob readBlob(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        long[] legacyDims = {1, 1, 1, 1};
        List<Long> shape = new ArrayList<>();
        ProtobufFloats data = new ProtobufFloats();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field >= 1 && field <= 4 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                legacyDims[field - 1] = in.readInt32();
            } else if (field == 5) {
                data.read(in, tag);
            } else if (field == 7) {
                int shapeLimit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    if (WireFormat.getTagFieldNumber(t) == 1 && WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int packed = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            shape.add(in.readInt64());
                        }
                        in.popLimit(packed);
                    } else if (WireFormat.getTagFieldNumber(t) == 1) {
                        shape.add(in.readInt64());
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(shapeLimit);
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        long[] dims = shape.isEmpty() ? legacyDims : shape.stream().mapToLong(Long::longValue).toArray();
        return new Blob(dims, data.toArray());
    }
}
