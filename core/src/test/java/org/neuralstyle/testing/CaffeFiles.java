package org.neuralstyle.testing;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkWeights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Caffe NetParameter files: name (1), then either legacy V1 layers (2: name 4, type 5, blobs 6 with
 * num/channels/height/width) or current layers (100: name 1, type 2, blobs 7 with a shape), kernels OIHW, the
 * first layer taking BGR as Caffe's VGG. A ReLU layer and a blob-carrying fully connected layer are included
 * so the reader must skip them.
 */
public final class CaffeFiles {

    private CaffeFiles() {
    }

    public static void write(NetworkWeights rgbWeights, Path file, boolean legacy) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            CodedOutputStream net = CodedOutputStream.newInstance(out);
            net.writeString(1, "VGG_ILSVRC_19_layers");
            boolean first = true;
            for (Layer.Convolution conv : rgbWeights.architecture().convolutions()) {
                ConvolutionWeights w = rgbWeights.convolution(conv.name());
                if (first) {
                    w = w.withInputChannelsReversed();
                    first = false;
                }
                net.writeByteArray(legacy ? 2 : 100, layer(conv.name(), legacy, Type.CONVOLUTION, blob(legacy, w.toOihw(),
                        w.outputChannels(), w.inputChannels(), w.height(), w.width()),
                        blob(legacy, w.bias(), 1, 1, 1, w.outputChannels())));
                net.writeByteArray(legacy ? 2 : 100, layer(conv.name().replace("conv", "relu"), legacy, Type.RELU));
            }
            // A fully connected layer: legacy files give its matrix as a 1 x 1 x out x in blob.
            net.writeByteArray(legacy ? 2 : 100, layer("fc6", legacy, Type.INNER_PRODUCT,
                    blob(legacy, new float[] {1, 2, 3, 4}, 1, 1, 2, 2), blob(legacy, new float[] {1, 2}, 1, 1, 1, 2)));
            net.flush();
        }
    }

    /** Layer types in caffe.proto: V1LayerParameter.LayerType numbers and LayerParameter type strings. */
    private enum Type {
        CONVOLUTION(4, "Convolution"), RELU(18, "ReLU"), INNER_PRODUCT(14, "InnerProduct");

        final int legacy;
        final String name;

        Type(int legacy, String name) {
            this.legacy = legacy;
            this.name = name;
        }
    }

    private static byte[] layer(String name, boolean legacy, Type type, byte[]... blobs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream l = CodedOutputStream.newInstance(bytes);
        if (legacy) {
            l.writeString(4, name);
            l.writeEnum(5, type.legacy);
            for (byte[] b : blobs) {
                l.writeByteArray(6, b);
            }
        } else {
            l.writeString(1, name);
            l.writeString(2, type.name);
            for (byte[] b : blobs) {
                l.writeByteArray(7, b);
            }
        }
        l.flush();
        return bytes.toByteArray();
    }

    private static byte[] blob(boolean legacy, float[] data, int num, int channels, int height, int width)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream b = CodedOutputStream.newInstance(bytes);
        if (legacy) {
            b.writeInt32(1, num);
            b.writeInt32(2, channels);
            b.writeInt32(3, height);
            b.writeInt32(4, width);
        } else {
            ByteArrayOutputStream shape = new ByteArrayOutputStream();
            CodedOutputStream s = CodedOutputStream.newInstance(shape);
            boolean bias = num == 1 && channels == 1 && height == 1;
            long[] dims = bias ? new long[] {width} : new long[] {num, channels, height, width};
            for (long d : dims) {
                s.writeInt64(1, d); // unpacked, as proto2 writers did
            }
            s.flush();
            b.writeByteArray(7, shape.toByteArray());
        }
        b.writeTag(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        b.writeUInt32NoTag(data.length * 4);
        for (float v : data) {
            b.writeFloatNoTag(v);
        }
        b.flush();
        return bytes.toByteArray();
    }
}
