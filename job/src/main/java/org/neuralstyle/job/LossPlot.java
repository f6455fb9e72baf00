package org.neuralstyle.job;

import org.neuralstyle.algorithm.LossTerms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Draws the loss curves (the total and every term the loss has, by name) per iteration on a log scale. */
final class LossPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 60;

    /** Content, style and tv in the colours they always had, then others. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    private LossPlot() {
    }

    private static double[] values(LossTerms t) {
        double[] values = new double[t.terms().size() + 1];
        values[0] = t.total();
        int k = 1;
        for (double v : t.terms().values()) {
            values[k++] = v;
        }
        return values;
    }

    static BufferedImage draw(List<LossTerms> history) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (LossTerms t : history) {
                for (double v : values(t)) {
                    if (v > 0) {
                        min = Math.min(min, Math.log10(v));
                        max = Math.max(max, Math.log10(v));
                    }
                }
            }
            if (min > max) {
                min = 0;
                max = 1;
            }
            min = Math.floor(min);
            max = Math.max(min + 1, Math.ceil(max));
            drawAxes(g, history.size(), min, max);
            curve(g, history, LossTerms::total, Color.BLACK, min, max, "total", 0);
            int row = 1;
            for (String name : history.isEmpty() ? java.util.Set.<String>of() : history.get(history.size() - 1).terms().keySet()) {
                curve(g, history, t -> t.value(name), PALETTE[(row - 1) % PALETTE.length], min, max, name, row);
                row++;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawAxes(Graphics2D g, int points, double min, double max) {
        g.setColor(Color.GRAY);
        g.drawRect(MARGIN, MARGIN / 2, WIDTH - MARGIN - 20, HEIGHT - MARGIN - MARGIN / 2);
        for (int e = (int) min; e <= (int) max; e++) {
            int y = y(e, min, max);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(MARGIN + 1, y, WIDTH - 21, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString("1e" + e, 8, y + 4);
        }
        g.drawString("iteration (0.." + Math.max(0, points - 1) + ")", WIDTH / 2 - 50, HEIGHT - 15);
    }

    private static void curve(Graphics2D g, List<LossTerms> history, ToDoubleFunction<LossTerms> term, Color color,
                              double min, double max, String label, int legendRow) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f));
        int n = history.size();
        int px = -1;
        int py = -1;
        for (int i = 0; i < n; i++) {
            double v = term.applyAsDouble(history.get(i));
            if (!(v > 0)) {
                px = -1;
                continue;
            }
            int x = MARGIN + (int) Math.round((double) i / Math.max(1, n - 1) * (WIDTH - MARGIN - 20));
            int y = y(Math.log10(v), min, max);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        g.drawLine(WIDTH - 150, 45 + 16 * legendRow, WIDTH - 125, 45 + 16 * legendRow);
        g.drawString(label, WIDTH - 118, 49 + 16 * legendRow);
    }

    private static int y(double log, double min, double max) {
        int top = MARGIN / 2;
        int bottom = HEIGHT - MARGIN;
        return bottom - (int) Math.round((log - min) / (max - min) * (bottom - top));
    }
}
