package io.hallq.controller.queue;

/**
 * What the early warning tells a manager to do, in Chinese and English. It never says "open 0 more": when every
 * counter is already open it says so and names the next step (the duty manager's desk, a neighbouring hall), and
 * when opening every closed counter is still not enough it says that too. Used by the journaled alarm and by the
 * manager page's line, which counts down as counters open.
 */
public final class CounterAdvice {

    /** A bilingual line. */
    public record Text(String zh, String en) {}

    private static final String NEXT_STEP_ZH = "请开放值班经理台办理业务,或引导客户前往邻近网点";
    private static final String NEXT_STEP_EN = "open the duty manager's desk, or direct customers to a neighbouring hall";

    private CounterAdvice() {}

    /**
     * The early warning's text.
     *
     * @param toOpen    closed (or paused) counters to open now; 0 when none is left
     * @param shortfall counters still missing after those open (0 when they are enough)
     */
    public static Text earlyWarning(long waiting, long open, long toOpen, long shortfall) {
        String zh = "排队预警:" + waiting + " 人等候," + open + " 个窗口开放,";
        String en = "Early warning: " + waiting + " waiting at " + open + " open counters; ";
        Text next = openMore(toOpen, shortfall);
        return new Text(zh + next.zh(), en + next.en());
    }

    /** The advice alone, e.g. "open 2 more counters", or the next step when no counter is left to open. */
    public static Text openMore(long toOpen, long shortfall) {
        return openMore(toOpen, shortfall, "建议加开 ");
    }

    private static Text openMore(long toOpen, long shortfall, String ask) {
        if (toOpen <= 0) {
            return new Text("已无可加开的窗口:" + NEXT_STEP_ZH, "no closed counter is left to open: " + NEXT_STEP_EN);
        }
        String zh = ask + toOpen + " 个窗口";
        String en = "open " + toOpen + " more counter" + (toOpen == 1 ? "" : "s");
        if (shortfall > 0) {
            return new Text(zh + "(即全部未开窗口),仍不够:" + NEXT_STEP_ZH,
                    en + " (every closed counter), and still short: " + NEXT_STEP_EN);
        }
        return new Text(zh, en);
    }

    /** {@link #openMore} as a line of its own (the manager page): a capital first letter. */
    public static Text line(long toOpen, long shortfall) {
        Text t = openMore(toOpen, shortfall, "请再开 ");
        return new Text(t.zh(), Character.toUpperCase(t.en().charAt(0)) + t.en().substring(1));
    }
}
