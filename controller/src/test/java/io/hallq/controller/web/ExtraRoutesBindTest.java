package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallController;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extra routes behind the hall's logins (the notification and appointment routes, which every hall's controller mounts) do not
 * keep the server on loopback; the emulator's twin does ({@code WebSecurityTest.theTwin_refusesToStartBeyondLoopback}).
 */
class ExtraRoutesBindTest {

    @TempDir
    Path data;

    @Test
    void routesBehindTheHallsLogins_startBeyondLoopback() {
        WebRoutes behindLogins = new WebRoutes() {
            @Override
            public void mount(Vertx vertx, Router router, HallController hall, WebModule web) {}

            @Override
            public boolean behindLogins() {
                return true;
            }
        };
        // the routes every hall's wiring mounts (HallWiring): notifications and appointments
        io.hallq.controller.notify.NotifyModule notify = new io.hallq.controller.notify.NotifyModule();
        try (WebTestHall hall = WebTestHall.configuredWith(data, List.of(behindLogins, new NotifyRoutes(notify),
                new AppointmentRoutes(notify)), root -> {
            root.with("web").put("bind", "0.0.0.0");
            root.with("web").remove("users");
        })) {
            assertTrue(hall.web.port() > 0, "the server listens on 0.0.0.0");
        }
    }
}
