package org.neuralstyle.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkWeights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes ONNX models as the exporters do: ModelProto{ir_version=1, graph=7}, GraphProto{node=1,
 * initializer=5}, a Conv node per convolution (inputs: data, weight, bias) with Relu nodes between, and
 * OIHW float initializers with raw_data (or float_data, as old exporters wrote).
 */
public final class OnnxFiles {

    private OnnxFiles() {
    }

    public static void write(NetworkWeights weights, Path file, boolean rawData) throws IOException {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        CodedOutputStream g = CodedOutputStream.newInstance(graph);
        String previous = "data";
        int k = 0;
        for (Layer.Convolution conv : weights.architecture().convolutions()) {
            String w = "model_conv" + k + "_weight";
            String b = "model_conv" + k + "_bias";
            String out = "conv" + k + "_out";
            g.writeByteArray(1, node("Conv", previous, w, b, out));
            g.writeByteArray(1, node("Relu", out, null, null, "relu" + k));
            previous = "relu" + k;
            k++;
        }
        // A fully connected layer at the end, as VGG files have: not a convolution, so ignored.
        g.writeByteArray(1, node("Gemm", previous, "fc_weight", "fc_bias", "logits"));
        k = 0;
        for (Layer.Convolution conv : weights.architecture().convolutions()) {
            ConvolutionWeights cw = weights.convolution(conv.name());
            g.writeByteArray(5, tensor("model_conv" + k + "_weight",
                    new long[] {cw.outputChannels(), cw.inputChannels(), cw.height(), cw.width()}, cw.toOihw(), rawData));
            g.writeByteArray(5, tensor("model_conv" + k + "_bias", new long[] {cw.outputChannels()}, cw.bias(), rawData));
            k++;
        }
        g.flush();
        try (OutputStream out = Files.newOutputStream(file)) {
            CodedOutputStream model = CodedOutputStream.newInstance(out);
            model.writeInt64(1, 3); // ir_version
            model.writeString(2, "neural-style-test");
            model.writeByteArray(7, graph.toByteArray());
            model.flush();
        }
    }

    private static byte[] node(String op, String input, String weight, String bias, String output) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream n = CodedOutputStream.newInstance(bytes);
        n.writeString(1, input);
        if (weight != null) {
            n.writeString(1, weight);
            n.writeString(1, bias);
        }
        n.writeString(2, output);
        n.writeString(4, op);
        n.flush();
        return bytes.toByteArray();
    }

    private static byte[] tensor(String name, long[] dims, float[] values, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream t = CodedOutputStream.newInstance(bytes);
        for (long d : dims) {
            t.writeInt64(1, d);
        }
        t.writeInt32(2, 1); // FLOAT
        if (raw) {
            ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(values);
            t.writeString(8, name);
            t.writeBytes(9, ByteString.copyFrom(buf.array()));
        } else {
            t.writeTag(4, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
            t.writeUInt32NoTag(values.length * 4);
            for (float v : values) {
                t.writeFloatNoTag(v);
            }
            t.writeString(8, name);
        }
        t.flush();
        return bytes.toByteArray();
    }
}
