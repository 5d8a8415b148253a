package io.hallq.display;

/** The words shown and spoken for a call, in Simplified Chinese and English. */
public final class CallText {

    /** One message in both languages. */
    public record Bilingual(String zh, String en) {
        @Override
        public String toString() {
            return zh + " / " + en;
        }
    }

    private CallText() {}

    public static Bilingual call(String ticket, int counter) {
        return new Bilingual("请 " + ticket + " 号到 " + counter + " 号窗口办理",
                "Number " + ticket + ", please go to counter " + counter);
    }

    public static Bilingual recall(String ticket, int counter, int count) {
        return new Bilingual("再次呼叫:请 " + ticket + " 号到 " + counter + " 号窗口办理",
                "Calling again (" + count + "): number " + ticket + ", please go to counter " + counter);
    }

    public static Bilingual issued(String ticket, int peopleAhead, long waitSeconds, boolean vipRoom) {
        String waitZh = waitSeconds < 0 ? "暂无法估计" : "约 " + minutes(waitSeconds) + " 分钟";
        String waitEn = waitSeconds < 0 ? "unknown" : "about " + minutes(waitSeconds) + " min";
        String roomZh = vipRoom ? ",请到贵宾室等候" : "";
        String roomEn = vipRoom ? "; please wait in the VIP room" : "";
        return new Bilingual("您的号码 " + ticket + ",前面还有 " + peopleAhead + " 人,预计等候" + waitZh + roomZh,
                "Your number is " + ticket + ", " + peopleAhead + " ahead of you, wait " + waitEn + roomEn);
    }

    /**
     * Minutes as told to customers (tickets, board, voice): rounded up, at least 1, since "about 0 min" would
     * promise too much.
     */
    public static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
