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
}
