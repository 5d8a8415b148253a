package io.hallq.controller.config;

import java.time.Duration;

/**
 * A customer class (VIP, a brand, walk-in).
 *
 * @param priority   the ageing head start: a ticket of this class ranks as if it had arrived this much earlier
 * @param busyTarget wait target in busy periods
 * @param quietTarget wait target outside busy periods
 * @param vipRoom    customers of this class are sent to the VIP room when the hall has one
 * @param isDefault  the class of tickets taken without a phone number
 */
public record CustomerClassConfig(
        String code,
        String nameZh,
        String nameEn,
        Duration priority,
        Duration busyTarget,
        Duration quietTarget,
        boolean vipRoom,
        boolean isDefault) {

    public CustomerClassConfig {
        ConfigChecks.given(code, "CustomerClassConfig", "code");
        String self = "CustomerClassConfig " + code;
        ConfigChecks.given(nameZh, self, "nameZh");
        ConfigChecks.given(nameEn, self, "nameEn");
        ConfigChecks.notNegative(priority, self, "priority");
        ConfigChecks.positive(busyTarget, self, "busyTarget");
        ConfigChecks.positive(quietTarget, self, "quietTarget");
    }
}
