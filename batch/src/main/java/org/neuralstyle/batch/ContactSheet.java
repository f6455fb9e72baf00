package org.neuralstyle.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.io.AtomicFiles;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Every result of a batch in one labelled grid (contact-sheet.png, with contact-sheet.json saying which job is in
 * which cell): a row per content and styles, a column per combination of swept values, as the paper's Figure 2
 * lays out its sweep of content/style ratios. A failed or unfinished job's cell says so; a video's shows its
 * file name.
 */
public final class ContactSheet {

    static final int THUMB = 240;
    static final int LABEL = 36;
    static final int GAP = 8;

    /** One cell: where it is and which job it shows. */
    public record Cell(int row, int column, String name, BatchSummary.State state) {
    }

    private ContactSheet() {
    }

    /** The sheet of these jobs, as the summary (made of the same jobs, in the same order) finds them. */
    public static List<Cell> write(List<BatchJob> jobs, BatchSummary summary, BatchFolder folder) throws IOException {
        Map<BatchJob.Inputs, String> rowLabels = rowLabels(jobs);
        List<BatchJob.Inputs> rows = new ArrayList<>(rowLabels.keySet());
        List<BatchJob> byColumn = new ArrayList<>(jobs);
        byColumn.sort(Comparator.comparing(BatchJob::sweep, ContactSheet::compareSweeps));
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(byColumn.stream().map(BatchJob::columnLabel).toList()));
        int width = columns.size() * (THUMB + GAP) + GAP;
        int height = rows.size() * (THUMB + LABEL + GAP) + GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            BatchJob job = jobs.get(i);
            BatchSummary.Entry entry = summary.entries().get(i);
            int row = rows.indexOf(job.inputs());
            int column = columns.indexOf(job.columnLabel());
            int x = GAP + column * (THUMB + GAP);
            int y = GAP + row * (THUMB + LABEL + GAP);
            drawCell(g, job, rowLabels.get(job.inputs()), folder, entry, x, y);
            cells.add(new Cell(row, column, entry.name(), entry.state()));
        }
        g.dispose();
        ImageFiles.write(sheet, folder.file("contact-sheet.png"));
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(cells);
        AtomicFiles.write(folder.file("contact-sheet.json"), out -> out.write(json));
        return cells;
    }

    /**
     * A row per content and styles, each labelled by the files' stems ("cat / starry_night"); where two rows would
     * read the same (cat.png and cat.jpg, or two folders' cat.png), by their names, and failing that by their paths.
     */
    static Map<BatchJob.Inputs, String> rowLabels(List<BatchJob> jobs) {
        Map<BatchJob.Inputs, String> labels = new LinkedHashMap<>();
        jobs.forEach(job -> labels.putIfAbsent(job.inputs(), job.rowLabel()));
        for (java.util.function.Function<Path, String> name : List.<java.util.function.Function<Path, String>>of(
                p -> p.getFileName().toString(), Path::toString)) {
            Map<String, Long> uses = labels.values().stream().collect(java.util.stream.Collectors.groupingBy(
                    l -> l, java.util.stream.Collectors.counting()));
            labels.replaceAll((inputs, label) -> uses.get(label) > 1 ? inputs.label(name) : label);
        }
        return labels;
    }

    private static void drawCell(Graphics2D g, BatchJob job, String rowLabel, BatchFolder folder,
                                 BatchSummary.Entry entry, int x, int y) throws IOException {
        String note = null;
        BatchSummary.State state = entry.state();
        if (state == BatchSummary.State.DONE && !job.isVideo()) {
            BufferedImage image = ImageFiles.toBufferedImage(ImageFiles.read(folder.outputOf(job)));
            double scale = Math.min((double) THUMB / image.getWidth(), (double) THUMB / image.getHeight());
            int w = (int) Math.round(image.getWidth() * scale);
            int h = (int) Math.round(image.getHeight() * scale);
            g.drawImage(image, x + (THUMB - w) / 2, y + (THUMB - h) / 2, w, h, null);
        } else {
            g.setColor(state == BatchSummary.State.FAILED ? new Color(250, 215, 215) : new Color(225, 225, 225));
            g.fillRect(x, y, THUMB, THUMB);
            note = switch (state) {
                case DONE -> "video: " + job.outputFileName();
                case FAILED -> "failed: " + entry.message();
                case NOT_DONE -> "not done";
            };
        }
        g.setColor(Color.DARK_GRAY);
        if (note != null) {
            drawClipped(g, note, x + 6, y + THUMB / 2);
        }
        drawClipped(g, rowLabel, x, y + THUMB + 14);
        drawClipped(g, job.columnLabel(), x, y + THUMB + 30);
    }

    private static void drawClipped(Graphics2D g, String text, int x, int y) {
        String shown = text;
        while (!shown.isEmpty() && g.getFontMetrics().stringWidth(shown) > THUMB - 4) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        g.drawString(shown, x, y);
    }

    /** Swept values in order: numbers by value (100 before 2500), the rest as text. */
    static int compareSweeps(Map<String, String> a, Map<String, String> b) {
        List<String> x = new ArrayList<>(a.values());
        List<String> y = new ArrayList<>(b.values());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c;
            try {
                c = Double.compare(Double.parseDouble(x.get(i)), Double.parseDouble(y.get(i)));
            } catch (NumberFormatException notNumbers) {
                c = x.get(i).compareTo(y.get(i));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }
}
