package org.neuralstyle.job.options;

import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.job.EngineChoice;
import org.neuralstyle.job.ImageRequest;
import org.neuralstyle.job.StyleChoices;
import org.neuralstyle.job.VideoRequest;

import java.nio.file.Path;
import java.util.List;

/**
 * A picture's or a video's request as its options are read, one at a time ({@link JobOption#assign}), by any front
 * end: what was not given stays null (the network's default applies) or holds the default below, the one place these
 * defaults live (the help text shows them from here).
 */
public final class RequestBuilder {

    /** The reference's decay interval. */
    public static final int DEFAULT_DECAY_STEPS = 100;
    public static final String DEFAULT_OPTIMIZER = "adam";
    public static final int DEFAULT_BIT_DEPTH = 8;
    public static final int DEFAULT_JPEG_QUALITY = 95;
    public static final String DEFAULT_VIDEO_INIT = "flow";
    public static final List<Integer> DEFAULT_TEMPORAL_FRAMES = List.of(1);
    /** The frame rate of a folder of frames, which cannot tell its own. */
    public static final double DEFAULT_FRAME_RATE = 25;

    // Both kinds of job.
    Path content;
    Path output;
    boolean overwrite;
    boolean verbose;

    // The style choices.
    List<Path> styles;
    Integer iterations;
    Integer width;
    List<Double> styleScales;
    List<Double> styleBlendWeights;
    List<Path> styleMasks;
    List<Path> styleImageMasks;
    String regionsFrom;
    Double contentWeight;
    Double contentWeightBlend;
    Double styleWeight;
    Double styleStrength;
    String contentLayers;
    String styleLayers;
    Double styleLayerWeightExp;
    Double tvWeight;
    Double learningRate;
    Double learningRateDecay;
    int learningRateDecaySteps = DEFAULT_DECAY_STEPS;
    String optimizer = DEFAULT_OPTIMIZER;
    Integer lbfgsHistory;
    Double beta1;
    Double beta2;
    Double epsilon;
    String initial;
    Double initialNoiseblend;
    String pooling;
    boolean preserveColors;
    String styleLoss;
    String contentLoss;
    Double averageDecay;
    boolean carryAdamState;
    String maxMemory;
    String colors;
    Long seed;
    String network;
    Path weights;
    String inputNormalization;
    Integer threads;
    String precision;
    private CpuFeatures cpu;

    // A picture's.
    List<Integer> scales;
    List<Integer> scaleIterations;
    Integer coarsestWidth;
    String checkpointOutput;
    Integer checkpointIterations;
    Path progressPlot;
    Integer tileSize;
    int bitDepth = DEFAULT_BIT_DEPTH;
    int jpegQuality = DEFAULT_JPEG_QUALITY;
    boolean keepBest = true;
    /** How often progress lines are printed: how the run is shown, not part of the request. */
    Integer printIterations;

    // A video's.
    String videoInit = DEFAULT_VIDEO_INIT;
    Integer laterIterations;
    Double temporalWeight;
    List<Integer> temporalFrames = DEFAULT_TEMPORAL_FRAMES;
    boolean earlyStop = true;
    String flowTolerance;
    Integer maxFrames;
    double frameRate = DEFAULT_FRAME_RATE;
    Path framesFolder;
    boolean keepFrames;
    boolean allowDamaged;

    /** The processor the engine's choice is made for (this machine's unless a test says otherwise). */
    public RequestBuilder cpu(CpuFeatures cpu) {
        this.cpu = cpu;
        return this;
    }

    /** --print-iterations: progress lines every N iterations, or null for the display's own choice. */
    public Integer printIterations() {
        if (printIterations != null) {
            StyleChoices.requireAtLeast(printIterations, 1, "--print-iterations");
        }
        return printIterations;
    }

    /** The style choices as given. */
    public StyleChoices style() {
        return new StyleChoices(styles, iterations, width, styleScales, styleBlendWeights, styleMasks, styleImageMasks,
                regionsFrom, contentWeight, contentWeightBlend, styleWeight, styleStrength, contentLayers, styleLayers,
                styleLayerWeightExp, tvWeight, learningRate, learningRateDecay, learningRateDecaySteps, optimizer,
                lbfgsHistory, beta1, beta2, epsilon, initial, initialNoiseblend, pooling, preserveColors, styleLoss,
                contentLoss, averageDecay, carryAdamState, maxMemory, colors, seed, network, weights, inputNormalization,
                new EngineChoice(threads, precision, cpu != null ? cpu : CpuFeatures.ofThisMachine()), null);
    }

    /**
     * A picture's request; {@code recordedArguments}: the command that reproduces it, without the options that only
     * say where results go ({@link JobOption#recorded()}).
     */
    public ImageRequest image(String version, List<String> recordedArguments) {
        return new ImageRequest(content, output, style(), scales, scaleIterations, coarsestWidth, checkpointOutput,
                checkpointIterations, progressPlot, tileSize, bitDepth, jpegQuality, overwrite, keepBest, verbose,
                version, recordedArguments);
    }

    /** A video's request; {@code signature}: the options that change its frames, as a line. */
    public VideoRequest video(String signature) {
        return new VideoRequest(content, output, style(), videoInit, laterIterations, temporalWeight, temporalFrames,
                earlyStop, flowTolerance, maxFrames, frameRate, framesFolder, keepFrames, overwrite, allowDamaged,
                signature);
    }
}
