package org.neuralstyle.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import org.neuralstyle.network.ConvolutionWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Caffe models such as VGG_ILSVRC_19_layers.caffemodel (the file jcjohnson/neural-style uses). The
 * protobuf NetParameter is decoded directly: legacy V1 {@code layers} (field 2; name = 4, blobs = 6) and
 * current {@code layer} (field 100; name = 1, blobs = 7). A BlobProto has legacy num/channels/height/width
 * (1-4) or shape (7, dim = 1) and data (5). Convolution blobs are [kernel OIHW, bias]; layers are matched by
 * name. Caffe's VGG takes BGR minus the ImageNet mean.
 */
public final class CaffeWeights {

    private CaffeWeights() {
    }

    private record Blob(long[] dims, float[] data) {
    }

    /** V1LayerParameter.LayerType.CONVOLUTION in caffe.proto. */
    private static final int V1_CONVOLUTION = 4;

    public static WeightCatalogue read(Path file) throws IOException {
        List<FileConvolution> convs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean[] legacySeen = new boolean[2];
        try (InputStream stream = Files.newInputStream(file)) {
            CodedInputStream in = CodedInputStream.newInstance(stream);
            in.setSizeLimit(Integer.MAX_VALUE);
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 2 || field == 100) {
                    boolean legacy = field == 2;
                    legacySeen[legacy ? 0 : 1] = true;
                    readLayer(file, in, legacy, convs, skipped);
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
        } catch (WeightsFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable Caffe model (truncated or corrupt?)", e);
        }
        String layout = legacySeen[0] && !legacySeen[1] ? "legacy V1 layers (field 'layers')"
                : legacySeen[1] && !legacySeen[0] ? "current layers (field 'layer')" : "no layers";
        return new WeightCatalogue(file, "Caffe", layout, convs, skipped, WeightCatalogue.Matching.BY_NAME,
                InputConvention.CAFFE_BGR.normalization(), true,
                "Caffe's VGG is trained on BGR, 0..255 minus the ImageNet mean");
    }

    /**
     * Reads one layer; keeps its blobs only when it is a convolution. The type (V1 field 5, an enum; current
     * field 2, a string) is written before the blobs, so fully connected layers are skipped unread.
     */
    private static void readLayer(Path file, CodedInputStream in, boolean legacy, List<FileConvolution> convs,
                                  List<String> skipped) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        int nameField = legacy ? 4 : 1;
        int typeField = legacy ? 5 : 2;
        int blobField = legacy ? 6 : 7;
        String name = null;
        boolean convolution = true;
        boolean skippedBlobs = false;
        List<Blob> blobs = new ArrayList<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == nameField) {
                name = in.readString();
            } else if (field == typeField) {
                convolution = legacy ? in.readEnum() == V1_CONVOLUTION : in.readString().equals("Convolution");
            } else if (field == blobField && convolution) {
                blobs.add(readBlob(in));
            } else if (field == blobField) {
                skippedBlobs = true;
                in.skipField(tag);
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        in.popLimit(limit);
        if (skippedBlobs) {
            skipped.add(name + ": not a convolution (fully connected), not read");
        }
        if (name == null || blobs.isEmpty()) {
            return;
        }
        if (blobs.size() < 2 || blobs.get(0).dims().length != 4) {
            throw new WeightsFormatException(file + ": convolution '" + name + "' has no 4-D kernel and bias (truncated or corrupt?)");
        }
        long[] d = blobs.get(0).dims();
        float[] bias = blobs.get(1).data();
        if (bias.length != d[0]) {
            throw new WeightsFormatException(file + ": convolution '" + name + "' has " + bias.length
                    + " biases for " + d[0] + " filters (truncated or corrupt?)");
        }
        convs.add(new FileConvolution(name, name, ConvolutionWeights.fromOihw(blobs.get(0).data(), (int) d[0], (int) d[1],
                (int) d[2], (int) d[3], bias)));
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
