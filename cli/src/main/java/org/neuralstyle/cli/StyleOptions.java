package org.neuralstyle.cli;

import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.job.StyleChoices;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The options every stylizing command shares (images and videos) as picocli reads them: the styles, the loss weights,
 * the optimiser, the start, the network and its weights. They are handed to a job as {@link StyleChoices}, where
 * their checks and defaults live. Option names and defaults follow the reference implementation.
 */
final class StyleOptions {

    @Option(names = "--styles", arity = "1..*", paramLabel = "FILE", description = "One or more style images (required).")
    List<Path> styles;

    @Option(names = "--iterations", paramLabel = "N", description = "Optimisation steps (default: ${bundle:default.iterations}).")
    Integer iterations;

    @Option(names = "--width", paramLabel = "PX", description = "Width of the output, the content resized to it; above "
            + "the photo's own it enlarges (default: the photo's size, its long side at most "
            + WorkingSize.DEFAULT_LONG_SIDE + " px).")
    Integer width;

    @Option(names = "--style-scales", split = ",", arity = "1..*", paramLabel = "S",
            description = "Per style: resize it to S x the content width (default 1.0 each).")
    List<Double> styleScales;

    @Option(names = "--style-blend-weights", split = ",", arity = "1..*", paramLabel = "W",
            description = "Per style: relative weight in the blend, normalised to sum 1 (default equal).")
    List<Double> styleBlendWeights;

    @Option(names = "--style-masks", split = ",", arity = "1..*", paramLabel = "FILE",
            description = "Per style: where it is painted, a greyscale image of any size (white: this style here, grey: "
                    + "partly, black: not; resized to the output; all: everywhere). Where no mask is white the photo stays as it is.")
    List<Path> styleMasks;

    @Option(names = "--style-image-masks", split = ",", arity = "1..*", paramLabel = "FILE",
            description = "Per style: the part of the painting to learn from, a greyscale image of any size over the "
                    + "painting (white: learn from here, e.g. only its sky; all: the whole painting).")
    List<Path> styleImageMasks;

    @Option(names = "--regions-from", paramLabel = "colours|luminance[:T]",
            description = "Place the styles by the photo itself, without masks: colours (its colours in as many "
                    + "clusters as styles, style 1 on the darkest) or luminance[:T] (style 1 where the photo is at least "
                    + "T bright, 0..1, default 0.5; style 2 on the rest). The regions are written beside the output "
                    + "(OUTPUT.region-1.png, ...) to edit and give back with --style-masks.")
    String regionsFrom;

    @Option(names = "--content-weight", paramLabel = "W", description = "Content loss weight (default: ${bundle:default.content-weight}).")
    Double contentWeight;

    @Option(names = "--content-weight-blend", paramLabel = "B",
            description = "Share of relu4_2 in the content loss, the rest on relu5_2 (default: ${bundle:default.content-weight-blend}).")
    Double contentWeightBlend;

    @Option(names = "--style-weight", paramLabel = "W", description = "Style loss weight (default: ${bundle:default.style-weight}).")
    Double styleWeight;

    @Option(names = "--style-strength", paramLabel = "S",
            description = "How strongly the style shows: S times the style weight, the same for every network (default: "
                    + StyleChoices.DEFAULT_STYLE_STRENGTH + "; 0.3 keeps much of the photo, 3 paints it over).")
    Double styleStrength;

    @Option(names = "--content-layers", paramLabel = "LAYER[:W],...",
            description = "Content layers by name, each with a relative weight (default: ${bundle:default.content-layers}).")
    String contentLayers;

    @Option(names = "--style-layers", paramLabel = "LAYER[:W],...",
            description = "Style layers by name, each with a relative weight (default: ${bundle:default.style-layers}).")
    String styleLayers;

    @Option(names = "--style-layer-weight-exp", paramLabel = "E",
            description = "Style layer k weighs E^k (normalised); >1 favours coarse features (default: "
                    + "${bundle:default.style-layer-weight-exp}).")
    Double styleLayerWeightExp;

    @Option(names = "--tv-weight", paramLabel = "W", description = "Total-variation weight (default: ${bundle:default.tv-weight}).")
    Double tvWeight;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam learning rate (default: ${bundle:default.learning-rate}).")
    Double learningRate;

    @Option(names = "--learning-rate-decay", paramLabel = "F",
            description = "Multiply the learning rate by F every --learning-rate-decay-steps (default: the network's "
                    + "schedule, ${bundle:default.learning-rate-schedule}; the paper used 0.94 per 100 from 20).")
    Double learningRateDecay;

    @Option(names = "--learning-rate-decay-steps", paramLabel = "N", description = "Decay interval (default: ${DEFAULT-VALUE}).")
    int learningRateDecaySteps = 100;

    @Option(names = "--optimizer", paramLabel = "adam|lbfgs",
            description = "adam (the paper's, default) or lbfgs (Gatys et al.'s: fewer iterations for the same loss; "
                    + "each line-search evaluation counts as an iteration).")
    String optimizer = "adam";

    @Option(names = "--lbfgs-history", paramLabel = "N", description = "L-BFGS memory in steps (default: "
            + "${bundle:default.lbfgs-history}; each costs 8 bytes per pixel value, 6 MB at 512x512).")
    Integer lbfgsHistory;

    @Option(names = "--beta1", description = "Adam beta1 (default: ${bundle:default.beta1}).")
    Double beta1;

    @Option(names = "--beta2", description = "Adam beta2 (default: ${bundle:default.beta2}).")
    Double beta2;

    @Option(names = "--epsilon", description = "Adam epsilon (default: ${bundle:default.epsilon}).")
    Double epsilon;

    @Option(names = "--initial", paramLabel = "FILE|content|noise",
            description = "Start from this image (e.g. a checkpoint), the content image, or noise (default: "
                    + "${bundle:default.initial}).")
    String initial;

    @Option(names = "--initial-noiseblend", paramLabel = "R",
            description = "Blend of noise into the initial image, 0..1 (default: 0 with --initial, else 1 = pure noise; "
                    + "below 1 without --initial starts from the content image).")
    Double initialNoiseblend;

    @Option(names = "--pooling", paramLabel = "max|avg", description = "Pooling layers (default: ${bundle:default.pooling}).")
    String pooling;

    @Option(names = "--preserve-colors", description = "Keep the content image's colours (style luminance only).")
    boolean preserveColors;

    @Option(names = "--style-loss", paramLabel = "gram|wasserstein|neighbours",
            description = "Style statistics: gram (the paper's Gram matrices, default) or wasserstein (means and "
                    + "covariances, the squared 2-Wasserstein distance between Gaussian fits; its scale differs: "
                    + "set --style-weight to taste); or neighbours (neural-neighbour style, Kolkin et al. 2022: each "
                    + "part of the photo painted with the painting's nearest features; weights of its own, shown "
                    + "with each weight's default).")
    String styleLoss;

    @Option(names = "--content-loss", paramLabel = "mse|self-similarity",
            description = "How the photo is held: mse (the paper's, its features; default) or self-similarity "
                    + "(STROTSS: the picture's colours at about 32 px keep the photo's pattern of alike and different "
                    + "parts, whatever the colours become; its default weight, 1/255, suits --style-loss neighbours: with gram give "
                    + "--content-weight).")
    String contentLoss;

    @Option(names = "--average-decay", paramLabel = "D",
            description = "Output the average of the optimiser's iterates, each older one weighted D times less "
                    + "(about the last 1/(1-D) iterations), rather than the lowest-loss iterate; 0 turns it off "
                    + "(default: ${bundle:default.average-decay}).")
    Double averageDecay;

    @Option(names = "--carry-adam-state",
            description = "Coarse to fine: start each scale's Adam from the previous scale's moments, resized, rather "
                    + "than afresh (off by default: measured slightly worse).")
    boolean carryAdamState;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Memory the run may use, e.g. 8G or 512M; larger images are refused before any work, naming "
                    + "the size that fits (default: 90%% of this machine's).")
    String maxMemory;

    @Option(names = "--colors", paramLabel = "style|content-histogram|content-luminance",
            description = "Whose colours: the style's (default); the content's by recolouring the styles to its mean "
                    + "colour and covariance first; or the content's by styling luminance alone (Gatys et al. 2017).")
    String colors;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same image (default: random, printed).")
    Long seed;

    @Option(names = "--network", paramLabel = "NAME",
            description = "vgg19 (default where its weights are here or can be downloaded, else the built-in "
                    + "squeezenet), vgg16 or squeezenet (built in, fast previews). A weights file path is accepted too, "
                    + "as in the reference.")
    String network;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Weights file: MatConvNet .mat, Keras .h5, ONNX or Caffe. Default: ./" + StyleChoices.DEFAULT_WEIGHTS
                    + ", else VGG-19 from the cache, downloaded on first use.")
    Path weights;

    @Option(names = "--input-normalization", paramLabel = "caffe-bgr|imagenet-std",
            description = "The input preprocessing the weights were trained with, for files that cannot tell it "
                    + "(ONNX from Caffe2 or unknown exporters): caffe-bgr (BGR, 0..255 minus the mean pixel) or "
                    + "imagenet-std (RGB, 0..1, ImageNet mean and std). Default: what the file tells.")
    String inputNormalization;

    @Mixin
    EngineOptions engine;

    /** The choices as given, for a job (the checks and defaults are the job's). */
    StyleChoices choices() {
        return new StyleChoices(styles, iterations, width, styleScales, styleBlendWeights, styleMasks, styleImageMasks,
                regionsFrom,
                contentWeight,
                contentWeightBlend, styleWeight, styleStrength, contentLayers, styleLayers, styleLayerWeightExp, tvWeight,
                learningRate, learningRateDecay, learningRateDecaySteps, optimizer, lbfgsHistory, beta1, beta2, epsilon,
                initial, initialNoiseblend, pooling, preserveColors, styleLoss, contentLoss, averageDecay, carryAdamState, maxMemory,
                colors, seed, network, weights, inputNormalization, engine.choice(), null);
    }
}
