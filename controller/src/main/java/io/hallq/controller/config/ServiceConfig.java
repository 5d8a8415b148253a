package io.hallq.controller.config;

import java.time.Duration;

/**
 * A business type offered in the hall.
 *
 * @param prefix       the ticket letter, e.g. "A"; unique in the hall
 * @param numberFrom   first ticket number of the day (inclusive)
 * @param numberTo     last ticket number of the day (inclusive); when used up the service refuses tickets
 * @param handlingTime the initial guess of one customer's handling time, refined by the engine as it learns
 * @param directQueue  customers queue directly at the window: tickets are counted and estimated, never called
 */
public record ServiceConfig(
        String code,
        String nameZh,
        String nameEn,
        String prefix,
        int numberFrom,
        int numberTo,
        Duration handlingTime,
        boolean enabled,
        String disabledMessageZh,
        String disabledMessageEn,
        boolean directQueue) {

    /** The highest ticket number a service may have (four digits on the ticket). */
    public static final int MAX_NUMBER = 9999;

    public ServiceConfig {
        ConfigChecks.given(code, "ServiceConfig", "code");
        String self = "ServiceConfig " + code;
        ConfigChecks.given(nameZh, self, "nameZh");
        ConfigChecks.given(nameEn, self, "nameEn");
        ConfigChecks.given(prefix, self, "prefix");
        ConfigChecks.require(numberFrom >= 1 && numberFrom <= numberTo && numberTo <= MAX_NUMBER, self,
                "numbers must run 1 <= numberFrom <= numberTo <= " + MAX_NUMBER + ", got " + numberFrom + ".."
                        + numberTo);
        ConfigChecks.positive(handlingTime, self, "handlingTime");
        ConfigChecks.given(disabledMessageZh, self, "disabledMessageZh");
        ConfigChecks.given(disabledMessageEn, self, "disabledMessageEn");
    }

    /** Digits printed for this service's numbers, from the width of {@link #numberTo}: 999 gives A001. */
    public int digits() {
        return Math.max(3, Integer.toString(numberTo).length());
    }
}
