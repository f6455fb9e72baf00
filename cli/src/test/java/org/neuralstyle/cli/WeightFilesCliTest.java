package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuralstyle.job.options.DefaultsText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.CaffeFiles;
import org.neuralstyle.testing.KerasFiles;
import org.neuralstyle.testing.MatConvNetFiles;
import org.neuralstyle.testing.OnnxFiles;
import org.neuralstyle.testing.SharedData;
import org.neuralstyle.testing.TestImages;
import org.neuralstyle.testing.TestNetworks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weights files users really have, seen from the command line: the default command finding the Keras file in
 * the cache under its real name, and {@code models inspect} on every layout, on the real SqueezeNet and on files
 * that cannot be used.
 */
class WeightFilesCliTest {

    private static final String KERAS_NOTOP = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";

    private static Path cache;

    @TempDir
    Path dir;

    /** A VGG-19 in the layout of the downloaded notop file, in a cache folder under its real name. */
    @BeforeAll
    static void cacheHoldsTheKerasFile() throws IOException {
        cache = Files.createTempDirectory("neural-style-cache");
        KerasFiles.write(NetworkWeights.random(Vgg.vgg19(), 3), cache.resolve(KERAS_NOTOP),
                KerasFiles.Layout.NOTOP_AS_DOWNLOADED);
    }

    @AfterAll
    static void deleteCache() throws IOException {
        Files.delete(cache.resolve(KERAS_NOTOP));
        Files.delete(cache);
    }

    @Test
    void theDefaultCommandUsesTheKerasFileFromTheCache() throws Exception {
        Path content = dir.resolve("photo.png");
        Path style = dir.resolve("painting.png");
        ImageFiles.write(TestImages.random(40, 30, 1), content);
        ImageFiles.write(TestImages.random(32, 32, 2), style);
        Path output = dir.resolve("out.png");
        // A new process, as a user runs it: the cache comes from the environment, the working folder has no
        // imagenet-vgg-verydeep-19.mat, and no --weights or --network is given.
        ProcessBuilder user = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--content", content.toString(), "--styles", style.toString(), "--output", output.toString(),
                "--iterations", "2", "-v")
                .directory(dir.toFile()).redirectErrorStream(true);
        user.environment().put("NEURAL_STYLE_CACHE", cache.toString());
        Process run = user.start();
        String printed = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(printed).isZero();
        assertThat(printed).contains("network vgg19").contains(KERAS_NOTOP).contains("Keras HDF5")
                .contains("BGR weights taking RGB").doesNotContain("downloading");
        assertThat(ImageFiles.read(output).width()).isEqualTo(40);
    }

    @Test
    void inspectReportsTheDownloadedLayoutAndThatItIsAVgg19() {
        CliRun run = CliRun.of("models", "inspect", cache.resolve(KERAS_NOTOP).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("format: Keras HDF5, weights file, Keras 1 names (block1_conv1_W_1:0), as downloaded")
                .contains("input: 0..255 RGB minus mean (123.680, 116.779, 103.939)")
                .contains("first layer trained on BGR")
                .contains("convolutions: 16").contains("conv5_4    3x3x512x512     (block5_conv4)")
                .contains("usable as vgg19: yes")
                .contains("usable as vgg16: no, has convolution 'block3_conv4' where vgg16 has conv4_1 after conv3_3")
                .contains("known file: no").contains("SHA-256 ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "keras-notop.h5 | Keras HDF5, weights file, Keras 1 names (block1_conv1_W_1:0), as downloaded",
            "keras2.h5 | Keras HDF5, weights file, Keras 2/3 names (block1_conv1/kernel:0), keras_version 2.13.1",
            "keras-full.h5 | Keras HDF5, full model file (model_weights/)",
            "beta16.mat | MatConvNet, MatConvNet beta16 or older (top-level normalization), averageImage 224x224x3",
            "beta17.mat | MatConvNet, MatConvNet beta17+ (meta.normalization), averageImage 1x1x3",
            "v1.caffemodel | Caffe, legacy V1 layers",
            "v2.caffemodel | Caffe, current layers",
            "gluon.onnx | ONNX, IR 3, producer 'neural-style-test', 3 Conv, no BatchNormalization",
            "gluon-bn.onnx | ONNX, IR 3, producer 'neural-style-test', 3 Conv, 3 BatchNormalization folded"})
    void inspectNamesEveryLayoutAndWhyASmallNetworkFitsNone(String name, String format) throws IOException {
        Path file = dir.resolve(name);
        NetworkWeights tiny = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 4);
        switch (name) {
            case "keras-notop.h5" -> KerasFiles.write(tiny, file, KerasFiles.Layout.NOTOP_AS_DOWNLOADED);
            case "keras2.h5" -> KerasFiles.write(tiny, file, KerasFiles.Layout.KERAS2_RESAVED);
            case "keras-full.h5" -> KerasFiles.write(tiny, file, KerasFiles.Layout.FULL_MODEL);
            case "beta16.mat" -> MatConvNetFiles.writeBeta16(tiny, new float[] {120, 115, 100}, file);
            case "beta17.mat" -> MatConvNetFiles.write(tiny, new float[] {120, 115, 100}, file);
            case "v1.caffemodel" -> CaffeFiles.write(tiny, file, true);
            case "v2.caffemodel" -> CaffeFiles.write(tiny, file, false);
            case "gluon.onnx" -> OnnxFiles.write(tiny, file, true);
            default -> OnnxFiles.write(tiny, file, true, OnnxFiles.Exporter.GLUON, true);
        }
        CliRun run = CliRun.of("models", "inspect", file.toString());
        assertThat(run.out()).contains("format: " + format).contains("convolutions: 3").contains("3x3x6x6");
        assertThat(run.out()).contains("usable as vgg19: no").contains("usable as squeezenet: no");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains(name + ": cannot be used (vgg19: ");
    }

    @Test
    void aCaffe2ExportIsNotGuessedButCanBeNamed() throws IOException {
        Path file = dir.resolve("vgg19-caffe2.onnx");
        OnnxFiles.write(NetworkWeights.random(Vgg.vgg19(), 5), file, true, OnnxFiles.Exporter.CAFFE2, false);
        CliRun unknown = CliRun.of("models", "inspect", file.toString());
        assertThat(unknown.out()).contains("input: UNKNOWN; producer 'onnx-caffe2', first weights 'conv1_1_w': "
                + "a Caffe2 export, whose preprocessing is not documented");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("cannot be known").contains("--input-normalization");

        CliRun named = CliRun.of("models", "inspect", file.toString(), "--input-normalization", "caffe-bgr");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).contains("given as caffe-bgr").contains("usable as vgg19: yes");

        Path output = dir.resolve("out.png");
        Path image = dir.resolve("in.png");
        ImageFiles.write(TestImages.random(24, 24, 3), image);
        List<String> stylize = new ArrayList<>(List.of("--weights", file.toString(), "--content", image.toString(),
                "--styles", image.toString(), "--output", output.toString(), "--iterations", "1"));
        CliRun refused = CliRun.of(stylize.toArray(String[]::new));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().lines().toList()).hasSize(1);
        assertThat(refused.err()).contains("vgg19-caffe2.onnx").contains("cannot be known");
        assertThat(output).doesNotExist();
        stylize.addAll(List.of("--input-normalization", "caffe-bgr"));
        CliRun ran = CliRun.of(stylize.toArray(String[]::new));
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(output).exists();
    }

    @Test
    void inspectTellsTheRealSqueezeNetFromAVgg() {
        Path file = BuiltInSqueezeNet.file();
        CliRun run = CliRun.of("models", "inspect", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("first weights 'squeezenet0_conv0_weight': an MXNet Gluon or PyTorch export")
                .contains("features x 57.63 to the 0..255 scale")
                .contains("usable as squeezenet: yes")
                .contains("usable as vgg19: no, layer 'squeezenet0_conv1_weight' is 1x1x64x16 (height x width x in x out), "
                        + "expected 3x3x64x64 for conv1_2 of vgg19");
    }

    @Test
    void inspectRefusesRandomBytesAndTruncatedFilesInOneLine() throws IOException {
        Path noise = dir.resolve("noise.h5");
        byte[] bytes = new byte[10_000];
        new java.util.Random(1).nextBytes(bytes);
        bytes[0] = 0x42; // not the first byte of any known format
        Files.write(noise, bytes);
        CliRun random = CliRun.of("models", "inspect", noise.toString());
        assertThat(random.exitCode()).isEqualTo(1);
        assertThat(random.err().lines().toList()).hasSize(1);
        assertThat(random.err()).contains("noise.h5: cannot be used: unknown weights format");

        byte[] whole = Files.readAllBytes(cache.resolve(KERAS_NOTOP));
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 3));
        CliRun truncated = CliRun.of("models", "inspect", cut.toString());
        assertThat(truncated.exitCode()).isEqualTo(1);
        assertThat(truncated.err().lines().toList()).hasSize(1);
        assertThat(truncated.err()).contains("cut.h5: cannot be used: ").contains("truncated or corrupt");
    }

    @Test
    void helpShowsTheDefaultsTheLibraryUses() {
        CliRun help = CliRun.of("--help");
        String text = String.join(" ", help.out().lines().map(String::trim).toList());
        var vgg = org.neuralstyle.algorithm.StyleTransferOptions.defaults(Vgg.vgg19());
        var squeezenet = org.neuralstyle.algorithm.StyleTransferOptions.defaults(org.neuralstyle.network.SqueezeNet.v1_1());
        // Neural neighbours' weights are their own, the same on every network.
        var neighbours = org.neuralstyle.algorithm.StyleTransferOptions.defaults(Vgg.vgg19(),
                org.neuralstyle.algorithm.StyleLoss.Kind.NEIGHBOURS);
        assertThat(text).contains("Content loss weight (default: " + DefaultsText.text(vgg.contentWeight()) + "; squeezenet "
                + DefaultsText.text(squeezenet.contentWeight()) + "; --style-loss neighbours "
                + DefaultsText.text(neighbours.contentWeight()) + ")");
        assertThat(text).contains("Style loss weight (default: " + DefaultsText.text(vgg.styleWeight()) + "; squeezenet "
                + DefaultsText.text(squeezenet.styleWeight()) + "; --style-loss neighbours "
                + DefaultsText.text(neighbours.styleWeight()) + ")");
        assertThat(text).contains("Optimisation steps (default: " + vgg.iterations() + "; squeezenet "
                + squeezenet.iterations() + ")");
        assertThat(text).contains("Adam epsilon (default: 1e-8)");
    }

}
