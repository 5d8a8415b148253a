package io.hallq.controller.web;

import io.hallq.controller.hall.HallController;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Extra routes another module puts on the hall's web server, e.g. the emulator's digital twin. Mounted
 * after the API and the pages, before the server listens.
 */
@FunctionalInterface
public interface WebRoutes {
    void mount(Vertx vertx, Router router, HallController hall, WebModule web);

    /**
     * Whether these routes may be served beyond this machine: only routes behind the hall's own logins (the
     * notification module's). Routes without a login of their own, like the emulator's twin, keep the server on a
     * loopback address; that is the default.
     */
    default boolean behindLogins() {
        return false;
    }
}
