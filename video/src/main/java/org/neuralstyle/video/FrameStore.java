package org.neuralstyle.video;

import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The finished stylized frames of a run, one PNG each (frame-00001.png, ...), written the moment a frame is
 * done, so that an interrupted run loses at most the frame it was working on. A hidden state file records
 * the run's signature (its inputs and options) and each frame's final loss: rerunning the same command
 * continues after the last finished frame, while a folder holding another run's frames is never mixed into.
 */
public final class FrameStore {

    static final String STATE_FILE = ".neural-style-video";
    private static final String SIGNATURE = "signature ";
    private static final String FRAME = "frame ";

    private final Path folder;
    private final String signature;
    private final List<Double> losses;

    private FrameStore(Path folder, String signature, List<Double> losses) {
        this.folder = folder;
        this.signature = signature;
        this.losses = losses;
    }

    /**
     * Opens (creating it if needed) the folder for a run with this signature. The frames of an earlier run
     * with the same signature are kept; another run's frames are an error unless {@code overwrite}, which
     * deletes them.
     */
    public static FrameStore open(Path folder, String signature, boolean overwrite) throws IOException {
        if (signature.contains("\n")) {
            throw new IllegalArgumentException("the signature must be one line");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + ": is a file, not a folder of frames");
        }
        Files.createDirectories(folder);
        Path state = folder.resolve(STATE_FILE);
        if (Files.exists(state)) {
            List<String> lines = Files.readAllLines(state);
            boolean sameRun = !lines.isEmpty() && lines.get(0).equals(SIGNATURE + signature);
            if (sameRun) {
                return new FrameStore(folder, signature, finishedLosses(folder, lines));
            }
            if (!overwrite) {
                throw new IOException(folder + ": holds the frames of a run with other inputs or options "
                        + "(pass --overwrite to replace them)");
            }
        } else if (!frameFiles(folder).isEmpty() && !overwrite) {
            throw new IOException(folder + ": already holds frame images (pass --overwrite to replace them)");
        }
        for (Path frame : frameFiles(folder)) {
            Files.delete(frame);
        }
        FrameStore store = new FrameStore(folder, signature, new ArrayList<>());
        store.saveState();
        return store;
    }

    /** The losses of frames 1..k whose image exists, k as large as possible. */
    private static List<Double> finishedLosses(Path folder, List<String> lines) {
        List<Double> losses = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ");
            if (parts.length != 4 || !line.startsWith(FRAME) || Integer.parseInt(parts[1]) != losses.size() + 1
                    || !Files.isRegularFile(frameFile(folder, losses.size() + 1))) {
                break;
            }
            losses.add(Double.parseDouble(parts[3]));
        }
        return losses;
    }

    private static List<Path> frameFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("frame-\\d{5,}\\.png")).sorted().toList();
        }
    }

    private static Path frameFile(Path folder, int frame) {
        return folder.resolve(String.format(Locale.ROOT, "frame-%05d.png", frame));
    }

    public Path folder() {
        return folder;
    }

    /** How many frames, 1..n, are finished. */
    public int finishedFrames() {
        return losses.size();
    }

    public Path frameFile(int frame) {
        return frameFile(folder, frame);
    }

    public RgbImage read(int frame) throws IOException {
        requireFinished(frame);
        return ImageFiles.read(frameFile(frame));
    }

    /** The final loss of a finished frame: where the next frame may stop early. */
    public double loss(int frame) {
        requireFinished(frame);
        return losses.get(frame - 1);
    }

    /**
     * Records the next frame. Its loss goes into the state first and the image is written last, each
     * atomically: a frame counts as finished only once its image is there.
     */
    public void write(int frame, RgbImage image, double loss) throws IOException {
        if (frame != losses.size() + 1) {
            throw new IllegalArgumentException("frame " + frame + " after " + losses.size() + " finished frames");
        }
        losses.add(loss);
        saveState();
        ImageFiles.write(image, frameFile(frame));
    }

    /**
     * Removes the frames, the state and the part files a killed run may have left, and the folder if nothing
     * else is in it.
     */
    public void delete() throws IOException {
        for (Path frame : frameFiles(folder)) {
            Files.delete(frame);
        }
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path part : parts.filter(FrameStore::isPartFile).toList()) {
                Files.delete(part);
            }
        }
        Files.deleteIfExists(folder.resolve(STATE_FILE));
        try (Stream<Path> rest = Files.list(folder)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    /** What {@link AtomicFiles} leaves of a frame or the state when the process dies mid-write. */
    private static boolean isPartFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".part") && (name.startsWith(".frame-") || name.startsWith("." + STATE_FILE));
    }

    private void requireFinished(int frame) {
        if (frame < 1 || frame > losses.size()) {
            throw new IllegalArgumentException("frame " + frame + " is not finished (" + losses.size() + " are)");
        }
    }

    private void saveState() throws IOException {
        StringBuilder text = new StringBuilder(SIGNATURE).append(signature).append('\n');
        for (int k = 0; k < losses.size(); k++) {
            text.append(FRAME).append(k + 1).append(" loss ").append(losses.get(k)).append('\n');
        }
        AtomicFiles.writeString(folder.resolve(STATE_FILE), text.toString());
    }
}
