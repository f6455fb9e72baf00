package org.neuralstyle.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.neuralstyle.testing.Npy;
import org.neuralstyle.testing.SharedData;
import org.neuralstyle.weights.WeightFiles;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real pretrained SqueezeNet 1.1 reproduces the ONNX model zoo's reference outputs. */
class SqueezeNetTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void reproducesTheReferenceLogits(int set) throws IOException {
        Path dir = SharedData.root().resolve("models/squeezenet1.1");
        NetworkWeights loaded = WeightFiles.load(dir.resolve("squeezenet1.1.onnx"), SqueezeNet.v1_1());
        // The reference inputs are already what the model takes: no normalisation on top.
        NetworkWeights raw = new NetworkWeights(loaded.architecture(), loaded.convolutions(),
                InputNormalization.meanOnly(new float[3]), loaded.source());
        float[] nchw = Npy.readFloats(dir.resolve("test_data_set_" + set + "/input_0.npy"));
        float[] expected = Npy.readFloats(dir.resolve("test_data_set_" + set + "/output_0.npy"));
        int size = 224;
        float[] nhwc = new float[nchw.length];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < size * size; p++) {
                nhwc[p * 3 + c] = nchw[c * size * size + p];
            }
        }
        float[] logits = globalAverage(raw, nhwc, size);
        assertThat(logits).hasSize(1000);
        double maxError = 0;
        int argmax = 0;
        int expectedArgmax = 0;
        for (int k = 0; k < 1000; k++) {
            maxError = Math.max(maxError, Math.abs(logits[k] - expected[k]));
            argmax = logits[k] > logits[argmax] ? k : argmax;
            expectedArgmax = expected[k] > expected[expectedArgmax] ? k : expectedArgmax;
        }
        assertThat(argmax).isEqualTo(expectedArgmax);
        assertThat(maxError).isLessThan(1e-3);
    }

    private static float[] globalAverage(NetworkWeights weights, float[] nhwc, int size) {
        try (GraphSession g = new GraphSession(EngineSettings.defaults())) {
            FeatureNetwork net = new FeatureNetwork(g.ops(), weights, Pooling.MAX);
            Operand<TFloat32> input = g.ops().constant(Shape.of(1, size, size, 3), DataBuffers.of(nhwc, true, false));
            Operand<TFloat32> features = net.apply(input, List.of("relu25")).get("relu25");
            Operand<TFloat32> logits = g.ops().math.mean(features, g.ops().constant(new int[] {1, 2}));
            try (Result r = g.session().runner().fetch(logits).run()) {
                return Tensors.toArray(r.get(0));
            }
        }
    }
}
