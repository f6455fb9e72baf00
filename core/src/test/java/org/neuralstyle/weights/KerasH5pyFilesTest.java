package org.neuralstyle.weights;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.testing.Npy;
import org.neuralstyle.testing.PythonH5py;
import org.neuralstyle.testing.TestNetworks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keras reader against files written by h5py with Keras' own saving code (resources/keras/write_keras_vgg.py,
 * from Keras' save_weights_to_hdf5_group): the downloaded notop layout, a Keras 2 re-save, a full-model file and
 * a file whose layer_names attribute is split into chunks, with variable- and fixed-length strings and the empty
 * float array Keras writes for weightless layers. The weights are drawn by NumPy and compared with its .npy files.
 */
class KerasH5pyFilesTest {

    private static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException, InterruptedException, URISyntaxException {
        dir = Files.createTempDirectory("keras-h5py");
        dir.toFile().deleteOnExit();
        Path script = Path.of(KerasH5pyFilesTest.class.getResource("/keras/write_keras_vgg.py").toURI());
        PythonH5py.run(script, dir.toString());
    }

    @ParameterizedTest
    @CsvSource({"notop.h5, as downloaded", "keras2.h5, Keras 2/3 names", "full_model.h5, full model file",
            "chunked.h5, Keras 2/3 names"})
    void readsWhatKerasWrites(String fileName, String layout) throws IOException {
        WeightCatalogue catalogue = WeightFiles.read(dir.resolve(fileName));
        assertThat(catalogue.format()).isEqualTo("Keras HDF5");
        assertThat(catalogue.layout()).contains(layout);
        assertThat(catalogue.convolutions()).extracting(FileConvolution::name).containsExactly("conv1_1", "conv2_1", "conv2_2");
        NetworkWeights loaded = catalogue.bind(TestNetworks.tinyVgg());
        Map<String, String> kerasNames = Map.of("conv1_1", "block1_conv1", "conv2_1", "block2_conv1", "conv2_2", "block2_conv2");
        for (var entry : kerasNames.entrySet()) {
            ConvolutionWeights w = loaded.convolution(entry.getKey());
            // The file's first layer takes BGR; loaded, it takes RGB: reversing again gives the file's kernel.
            float[] asInFile = entry.getKey().equals("conv1_1") ? w.withInputChannelsReversed().kernel() : w.kernel();
            assertThat(asInFile).as(entry.getKey())
                    .containsExactly(Npy.readFloats(dir.resolve(entry.getValue() + "_kernel.npy")));
            assertThat(w.bias()).containsExactly(Npy.readFloats(dir.resolve(entry.getValue() + "_bias.npy")));
        }
        assertThat(loaded.normalization().meanRgb()).containsExactly(123.68f, 116.779f, 103.939f);
    }
}
