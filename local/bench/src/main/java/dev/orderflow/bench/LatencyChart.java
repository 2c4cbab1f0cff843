package dev.orderflow.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The latency distribution as a percentile spectrum (as HdrHistogram plots it): x is the percentile on a scale that
 * spreads the tail (0, 90, 99, 99.9 %), y the latency on a log scale; the targets are dashed lines. Java2D only.
 */
final class LatencyChart {

    /** One distribution to draw, and the target line that goes with it (NaN for none). */
    record Series(String label, Percentiles latencies, Color color) {
    }

    record TargetLine(String label, double ms, Color color) {
    }

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 720;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 150;
    private static final double MAX_NINES = 3.0; // 99.9 %

    private LatencyChart() {
    }

    static void write(Path file, String title, List<Series> series, List<TargetLine> targets) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double minMs = 1;
        double maxMs = 10;
        for (Series s : series) {
            if (s.latencies().count() > 0) {
                minMs = Math.min(minMs, Math.max(0.1, s.latencies().min()));
                maxMs = Math.max(maxMs, s.latencies().max());
            }
        }
        for (TargetLine t : targets) {
            maxMs = Math.max(maxMs, t.ms());
        }
        double lowDecade = Math.floor(Math.log10(minMs));
        double highDecade = Math.ceil(Math.log10(maxMs));
        Plot plot = new Plot(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM, lowDecade, highDecade);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 32);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (double decade = lowDecade; decade <= highDecade; decade++) {
            int y = plot.y(Math.pow(10, decade));
            g.setColor(new Color(225, 225, 225));
            g.drawLine(plot.left, y, plot.left + plot.width, y);
            g.setColor(Color.DARK_GRAY);
            String label = decade >= 0 ? String.format(Locale.ROOT, "%.0f ms", Math.pow(10, decade))
                    : String.format(Locale.ROOT, "%.1f ms", Math.pow(10, decade));
            g.drawString(label, plot.left - g.getFontMetrics().stringWidth(label) - 8, y + 5);
        }
        String[] xLabels = {"0%", "90%", "99%", "99.9%"};
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = plot.x(nines);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, plot.top, x, plot.top + plot.height);
            g.setColor(Color.DARK_GRAY);
            g.drawString(xLabels[nines], x - g.getFontMetrics().stringWidth(xLabels[nines]) / 2, plot.top + plot.height + 20);
        }
        g.drawString("percentile", plot.left + plot.width / 2 - 30, plot.top + plot.height + 42);
        g.setColor(Color.BLACK);
        g.drawRect(plot.left, plot.top, plot.width, plot.height);

        Font legend = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(legend);
        int legendY = plot.top + plot.height + 72; // under the plot, where no curve runs
        for (TargetLine t : targets) {
            int y = plot.y(t.ms());
            g.setColor(t.color());
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
            g.drawLine(plot.left, y, plot.left + plot.width, y);
            g.drawString(t.label(), plot.left + 8, y - 6);
        }
        for (Series s : series) {
            double[] sorted = s.latencies().sorted();
            if (sorted.length == 0) {
                continue;
            }
            Path2D line = new Path2D.Double();
            for (int i = 0; i < sorted.length; i++) {
                double fraction = (i + 1.0) / sorted.length;
                double nines = fraction >= 1 ? MAX_NINES : Math.min(MAX_NINES, -Math.log10(1 - fraction));
                double x = plot.x(nines);
                double y = plot.y(Math.max(Math.pow(10, lowDecade), sorted[i]));
                if (i == 0) {
                    line.moveTo(plot.x(0), y);
                }
                line.lineTo(x, y);
            }
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2.5f));
            g.draw(line);
            g.fillRect(plot.left + 16, legendY - 10, 18, 4);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s  (n=%d, p50 %.1f, p99 %.1f ms)", s.label(),
                    s.latencies().count(), s.latencies().at(50), s.latencies().at(99)),
                    plot.left + 41, legendY - 4);
            legendY += 20;
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Plot(int left, int top, int width, int height, double lowDecade, double highDecade) {
        int x(double nines) {
            return left + (int) Math.round(nines / MAX_NINES * width);
        }

        int y(double ms) {
            double position = (Math.log10(ms) - lowDecade) / (highDecade - lowDecade);
            return top + height - (int) Math.round(position * height);
        }
    }
}
