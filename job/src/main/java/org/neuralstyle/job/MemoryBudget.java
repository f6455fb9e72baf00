package org.neuralstyle.job;

import org.neuralstyle.algorithm.TiledStyleTransferGraph;
import org.neuralstyle.memory.MemoryModel;
import org.neuralstyle.network.NetworkArchitecture;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The memory plan before any work: each image the network will see (the output at its largest scale, each
 * style at its scale) is priced by the {@link MemoryModel} for this network and its layers and compared with
 * the memory allowed (--max-memory, else 90% of this machine's); a size that does not fit is refused in one line
 * that names the size that would.
 */
final class MemoryBudget {

    /** Java arrays hold at most about 2^31 values: three per pixel. */
    private static final long MAX_PIXELS_IN_AN_ARRAY = (Integer.MAX_VALUE - 8) / 3;
    /** What is left for the rest of the machine when no --max-memory is given. */
    private static final double SHARE_OF_THE_MACHINE = 0.9;

    private final long allowedBytes;
    private final String allowedBy;
    private final NetworkArchitecture architecture;
    private final Collection<String> contentLayers;
    private final Collection<String> layers;
    /** The Java heap's limit: a tiled run keeps the whole image's arrays there. */
    private final long heapBytes;
    /** Neural neighbours' hypercolumn depth; 0: a loss of statistics. */
    private final int hypercolumnDepth;

    MemoryBudget(long allowedBytes, String allowedBy, NetworkArchitecture architecture, Collection<String> contentLayers,
                 Collection<String> layers, long heapBytes) {
        this(allowedBytes, allowedBy, architecture, contentLayers, layers, heapBytes, 0);
    }

    private MemoryBudget(long allowedBytes, String allowedBy, NetworkArchitecture architecture,
                         Collection<String> contentLayers, Collection<String> layers, long heapBytes,
                         int hypercolumnDepth) {
        this.allowedBytes = allowedBytes;
        this.allowedBy = allowedBy;
        this.architecture = architecture;
        this.contentLayers = contentLayers;
        this.layers = layers;
        this.heapBytes = heapBytes;
        this.hypercolumnDepth = hypercolumnDepth;
    }

    /** The same budget for neural neighbours over hypercolumns of this depth (their search keys and targets). */
    MemoryBudget withNeighbours(int depth) {
        return new MemoryBudget(allowedBytes, allowedBy, architecture, contentLayers, layers, heapBytes, depth);
    }

    /** The budget --max-memory sets (bytes, or null for 90% of this machine's physical memory). */
    static MemoryBudget of(Long maxMemory, NetworkArchitecture architecture, Collection<String> contentLayers,
                           Collection<String> layers) {
        long heap = Runtime.getRuntime().maxMemory();
        if (maxMemory != null) {
            return new MemoryBudget(maxMemory, "--max-memory allows", architecture, contentLayers, layers, heap);
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        long total = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
        long machine = total > 0 ? total : heap;
        return new MemoryBudget((long) (machine * SHARE_OF_THE_MACHINE), "this machine allows", architecture,
                contentLayers, layers, heap);
    }

    /** Tile cores tried, largest first: fewer, larger tiles waste less on their halos. */
    private static final int[] TILE_CORES = {3072, 2048, 1536, 1024, 768, 512, 256};

    boolean canTile() {
        return architecture.unseenEdge() == 0;
    }

    boolean imageFits(long width, long height) {
        return (double) width * height <= MAX_PIXELS_IN_AN_ARRAY && imageBytes(width, height) <= allowedBytes;
    }

    /**
     * The largest tile core at which a tiled run of this size fits the budget and the Java heap; 0 where none does
     * or the network cannot be tiled (its unpadded layers do not line up tile by tile).
     */
    int tileThatFits(long width, long height) {
        if (!canTile() || (double) width * height > MAX_PIXELS_IN_AN_ARRAY) {
            return 0;
        }
        for (int core : TILE_CORES) {
            if (core < Math.max(width, height) && tiledBytes(width, height, core) <= allowedBytes
                    && tiledHeapBytes(width, height) <= 0.85 * heapBytes) {
                return core;
            }
        }
        return 0;
    }

    long tiledBytes(long width, long height, int core) {
        return MemoryModel.tiledPeakBytes(architecture, contentLayers, layers, width, height, core,
                TiledStyleTransferGraph.exactHalo(architecture, layers)) + tiledNeighbourBytes(width, height);
    }

    /** The Java heap a tiled run needs for the whole image's arrays, neural neighbours' included. */
    private long tiledHeapBytes(long width, long height) {
        return MemoryModel.tiledHeapBytes(architecture, contentLayers, width, height)
                + tiledNeighbourBytes(width, height);
    }

    private long tiledNeighbourBytes(long width, long height) {
        return hypercolumnDepth > 0 ? MemoryModel.neighbourTiledBytes(hypercolumnDepth, width, height) : 0;
    }

    /** Peak bytes the model gives for optimising an image of this size. */
    long imageBytes(long width, long height) {
        return MemoryModel.peakBytes(architecture, layers, width, height, 0, 0)
                + (hypercolumnDepth > 0 ? MemoryModel.neighbourBytes(hypercolumnDepth, width, height) : 0);
    }

    /** Peak bytes the model gives for taking the targets of a style image of this size. */
    long styleBytes(long width, long height) {
        return MemoryModel.peakBytes(architecture, layers, 0, 0, width, height);
    }

    /**
     * The output (or a frame) of width x height must fit, whole or (where tiles may be used) tiled; the error names
     * the option and a width that would.
     */
    void requireImageFits(String what, String option, long width, long height, boolean mayTile) {
        Cost cost = this::imageBytes;
        if (mayTile && canTile()) {
            // the smallest tile, and a heap too small for the whole image's arrays counts as no room
            cost = (w, h) -> Math.min(imageBytes(w, h), tiledHeapBytes(w, h) > 0.85 * heapBytes ? Long.MAX_VALUE
                    : tiledBytes(w, h, TILE_CORES[TILE_CORES.length - 1]));
        }
        requireFits(what, option, width, height, cost, fits -> "at most about " + fits + " pixels wide fits");
    }

    /**
     * A style image at its scale must fit; the error says the size that fits in the option's own terms. In a
     * tiled run its statistics are taken tile by tile too, so it needs a tile's forward pass and its pixels.
     */
    void requireStyleFits(boolean tiled, String what, String option, long width, long height,
                          LongFunction<String> whatFits) {
        Cost cost = this::styleBytes;
        if (tiled && canTile()) {
            long tile = TILE_CORES[TILE_CORES.length - 1] + 2L * TiledStyleTransferGraph.exactHalo(architecture, layers);
            cost = (w, h) -> Math.min(styleBytes(w, h),
                    styleBytes(Math.min(w, tile), Math.min(h, tile)) + 3L * Float.BYTES * w * h);
        }
        requireFits(what, option, width, height, cost, whatFits);
    }

    /**
     * L-BFGS keeps its history in the Java heap: two vectors the size of the image per step, and a few more for the
     * search. A history that cannot fit there would end a long run in an OutOfMemoryError, so it is checked before
     * any work: the steps that fit.
     */
    long lbfgsHistoryThatFits(long width, long height) {
        long vector = 3L * Float.BYTES * width * height;
        return Math.max(0, ((long) (0.85 * heapBytes) / vector - LBFGS_WORK_VECTORS) / 2);
    }

    /** A history the user asked for that does not fit is refused, naming the history that does. */
    void requireLbfgsHistoryFits(int history, long width, long height) {
        long fits = lbfgsHistoryThatFits(width, height);
        if (history <= fits) {
            return;
        }
        throw new UserError(String.format(Locale.ROOT, "--lbfgs-history %d: L-BFGS keeps two %dx%d images per step, "
                        + "about %.1f GB, and the Java heap holds %.1f GB; %s", history, width, height,
                2.0 * history * 3L * Float.BYTES * width * height / 1e9, heapBytes / 1e9,
                fits >= 1 ? "at most " + fits + " steps fit" : "use --optimizer adam at this size"));
    }

    /** The image, its gradient, the search direction, trial point and gradient, and the preconditioner. */
    private static final int LBFGS_WORK_VECTORS = 8;

    private interface Cost {
        long bytes(long width, long height);
    }

    private void requireFits(String what, String option, long width, long height, Cost cost, LongFunction<String> whatFits) {
        double aspect = (double) height / width;
        if ((double) width * height <= MAX_PIXELS_IN_AN_ARRAY && cost.bytes(width, height) <= allowedBytes) {
            return;
        }
        long widthThatFits = widestThatFits(aspect, cost);
        double needed = (double) width * height <= 1e15 ? cost.bytes(width, height) / 1e9 : Double.POSITIVE_INFINITY;
        throw new UserError(String.format(Locale.ROOT, "%s: %s would be %dx%d pixels, needing about %.0f GB of memory; "
                        + "%s %.1f GB, so %s", option, what, width, height, needed, allowedBy, allowedBytes / 1e9,
                whatFits.apply(widthThatFits)));
    }

    /** The largest width at this aspect ratio that the budget holds (a bisection on the model). */
    private long widestThatFits(double aspect, Cost cost) {
        long low = 0;
        long high = (long) Math.sqrt(MAX_PIXELS_IN_AN_ARRAY / Math.max(aspect, 1e-9)) + 1;
        while (high - low > 1) {
            long mid = (low + high) / 2;
            long h = Math.max(1, Math.round(mid * aspect));
            if ((double) mid * h <= MAX_PIXELS_IN_AN_ARRAY && cost.bytes(mid, h) <= allowedBytes) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
