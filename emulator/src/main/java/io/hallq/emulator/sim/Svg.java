package io.hallq.emulator.sim;

import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts written by hand: the report must open offline on a hall PC, so no chart library or script
 * is fetched. Each chart is a 640 x 300 viewBox with a left axis and a legend.
 */
final class Svg {

    static final String[] COLORS = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096"};
    static final int W = 640;
    static final int H = 300;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 44;
    static final int BOTTOM = 44;

    /** A named series of values. */
    record Series(String name, String color, double[] values) {}

    /** A horizontal reference mark drawn over one category (e.g. the wait target of a class). */
    record Mark(int category, double value, String label) {}

    /** A shaded x range (line charts), in x units. */
    record Band(double from, double to, String label, String color) {}

    /** A point event on the x axis (line charts), e.g. an alarm. */
    record Pin(double x, String color, String label) {}

    private Svg() {}

    static String bars(String title, List<String> categories, List<Series> series, String yLabel, List<Mark> marks) {
        return bars(title, categories, series, yLabel, marks, Double.MAX_VALUE);
    }

    /** Bars above {@code cap} are cut at the top and labelled with their value, so one outlier cannot flatten the rest. */
    static String bars(String title, List<String> categories, List<Series> series, String yLabel, List<Mark> marks,
                       double cap) {
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        for (Mark m : marks) {
            max = Math.max(max, m.value());
        }
        max = nice(Math.min(max, cap));
        StringBuilder sb = open(title);
        axis(sb, max, yLabel);
        double slot = (double) (W - LEFT - RIGHT) / Math.max(1, categories.size());
        double bar = slot * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * slot + slot * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[c];
                double h = Math.min(v, max) / max * (H - TOP - BOTTOM);
                if (v > max) {
                    sb.append(f("<text x='%.1f' y='%d' font-size='10' text-anchor='middle' fill='#c53030'>%s▲</text>",
                            x0 + s * bar + bar * 0.46, TOP - 2, num(v)));
                }
                sb.append(f("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s %s: %s</title></rect>",
                        x0 + s * bar, H - BOTTOM - h, bar * 0.92, h, series.get(s).color(), esc(series.get(s).name()),
                        esc(categories.get(c)), num(v)));
            }
            sb.append(f("<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>", LEFT + c * slot + slot / 2,
                    H - BOTTOM + 14, esc(categories.get(c))));
        }
        for (Mark m : marks) {
            double y = H - BOTTOM - m.value() / max * (H - TOP - BOTTOM);
            double x0 = LEFT + m.category() * slot + slot * 0.05;
            sb.append(f("<line x1='%.1f' x2='%.1f' y1='%.1f' y2='%.1f' stroke='#c53030' stroke-width='2' stroke-dasharray='5 3'><title>%s</title></line>",
                    x0, x0 + slot * 0.9, y, y, esc(m.label())));
        }
        legend(sb, series, marks.isEmpty() ? null : "target");
        return sb.append("</svg>").toString();
    }

    static String lines(String title, double xFrom, double xTo, List<String> xTicks, List<Series> series,
                        String yLabel, List<Band> bands, List<Pin> pins, Series steps) {
        List<Series> all = new java.util.ArrayList<>(series);
        if (steps != null) {
            all.add(steps);
        }
        double max = 1;
        for (Series s : all) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        max = nice(max);
        StringBuilder sb = open(title);
        for (Band b : bands) {
            double x1 = xAt(b.from(), xFrom, xTo);
            sb.append(f("<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s'><title>%s</title></rect>",
                    x1, TOP, Math.max(0, xAt(b.to(), xFrom, xTo) - x1), H - TOP - BOTTOM, b.color(), esc(b.label())));
        }
        axis(sb, max, yLabel);
        for (int i = 0; i < xTicks.size(); i++) {
            double x = LEFT + (double) i / Math.max(1, xTicks.size() - 1) * (W - LEFT - RIGHT);
            sb.append(f("<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>", x, H - BOTTOM + 14,
                    esc(xTicks.get(i))));
        }
        for (Series s : all) {
            sb.append(polyline(s, max, s == steps ? "stroke-dasharray='2 2' stroke-width='1.5'" : "stroke-width='1.8'"));
        }
        for (Pin p : pins) {
            sb.append(f("<path d='M%.1f %d l-4 -8 h8 z' fill='%s'><title>%s</title></path>", xAt(p.x(), xFrom, xTo),
                    TOP + 8, p.color(), esc(p.label())));
        }
        legend(sb, all, null);
        return sb.append("</svg>").toString();
    }

    private static double xAt(double x, double xFrom, double xTo) {
        return LEFT + (x - xFrom) / (xTo - xFrom) * (W - LEFT - RIGHT);
    }

    /** The values spread evenly over the plot's width. */
    private static String polyline(Series s, double max, String style) {
        StringBuilder pts = new StringBuilder();
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            double x = LEFT + (double) i / Math.max(1, v.length - 1) * (W - LEFT - RIGHT);
            double y = H - BOTTOM - v[i] / max * (H - TOP - BOTTOM);
            pts.append(f("%.1f,%.1f ", x, y));
        }
        return f("<polyline points='%s' fill='none' stroke='%s' %s><title>%s</title></polyline>", pts.toString().trim(),
                s.color(), style, esc(s.name()));
    }

    private static StringBuilder open(String title) {
        StringBuilder sb = new StringBuilder(f("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' "
                + "font-family='sans-serif' class='chart'>", W, H));
        sb.append(f("<text x='%d' y='18' font-size='14' font-weight='bold'>%s</text>", LEFT, esc(title)));
        return sb;
    }

    private static void axis(StringBuilder sb, double max, String yLabel) {
        for (int i = 0; i <= 4; i++) {
            double y = H - BOTTOM - i * (H - TOP - BOTTOM) / 4.0;
            sb.append(f("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#e2e8f0'/>", LEFT, W - RIGHT, y, y));
            sb.append(f("<text x='%d' y='%.1f' font-size='11' text-anchor='end'>%s</text>", LEFT - 6, y + 4,
                    num(max * i / 4)));
        }
        sb.append(f("<text x='12' y='%d' font-size='11' transform='rotate(-90 12 %d)' text-anchor='middle'>%s</text>",
                H / 2, H / 2, esc(yLabel)));
    }

    private static void legend(StringBuilder sb, List<Series> series, String markLabel) {
        double x = LEFT;
        for (Series s : series) {
            sb.append(f("<rect x='%.1f' y='24' width='10' height='10' fill='%s'/><text x='%.1f' y='33' font-size='11'>%s</text>",
                    x, s.color(), x + 14, esc(s.name())));
            x += 24 + 6.5 * s.name().length();
        }
        if (markLabel != null) {
            sb.append(f("<line x1='%.1f' x2='%.1f' y1='29' y2='29' stroke='#c53030' stroke-width='2' stroke-dasharray='5 3'/>"
                    + "<text x='%.1f' y='33' font-size='11'>%s</text>", x, x + 14, x + 18, markLabel));
        }
    }

    /** A round axis maximum at or above {@code v}: 1, 2 or 5 times a power of ten. */
    static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
