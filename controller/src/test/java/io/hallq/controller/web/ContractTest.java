package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.hallq.controller.web.ApiClient.Response;
import io.hallq.controller.web.WebConfig.Role;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API answers as openapi.yaml says (responses validated against the contract's schemas), and every
 * operation's roles are enforced from the contract.
 */
class ContractTest {

    @TempDir
    Path data;

    private final ApiContract contract = ApiContract.load();

    /** Checks {@code r} against the contract's schema for its status (declared, or the Error schema for errors). */
    private Response conforms(String method, String path, Response r) {
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        JsonSchema schema = contract.responseSchema(HttpMethod.valueOf(method), plain, r.status());
        if (schema == null && r.status() >= 400) {
            schema = contract.responseSchema(HttpMethod.GET, "/api/session", 401); // the Error schema
        }
        assertNotNull(schema, method + " " + path + " answered " + r.status() + ", which the contract does not declare");
        assertEquals("", ApiContract.problems(schema, r.body()), method + " " + path + " -> " + r);
        return r;
    }

    @Test
    void answers_matchTheContractsSchemas() {
        try (WebTestHall hall = WebTestHall.start(data)) {
            ApiClient kiosk = hall.client();
            ApiClient manager = hall.client();
            ApiClient staff = hall.client();
            conforms("POST", "/api/login", kiosk.login("kiosk"));
            manager.login("manager");
            staff.login("staff");
            conforms("GET", "/api/session", manager.get("/api/session"));
            Response issued = conforms("POST", "/api/tickets", kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13812345678\"}"));
            conforms("POST", "/api/tickets", kiosk.post("/api/tickets", "{\"service\":\"PAY\"}"));
            conforms("POST", "/api/tickets", kiosk.post("/api/tickets", "{\"service\":\"NOPE\"}"));
            String token = issued.body().path("result").path("token").asText();
            conforms("GET", "/api/mobile/" + token, hall.client().get("/api/mobile/" + token));
            conforms("GET", "/api/mobile/AAAAAAAAAAAAAAAAAAAAAA", hall.client().get("/api/mobile/AAAAAAAAAAAAAAAAAAAAAA"));
            conforms("GET", "/api/tickets", manager.get("/api/tickets"));
            conforms("GET", "/api/counters", staff.get("/api/counters"));
            conforms("GET", "/api/counters/2", staff.get("/api/counters/2"));
            conforms("GET", "/api/counters/4", staff.get("/api/counters/4"));
            conforms("POST", "/api/counters/2/call-next", staff.post("/api/counters/2/call-next"));
            conforms("POST", "/api/counters/2/recall", staff.post("/api/counters/2/recall"));
            conforms("POST", "/api/counters/2/transfer", staff.post("/api/counters/2/transfer", "{\"service\":\"BILL\"}"));
            conforms("POST", "/api/counters/3/call", staff.post("/api/counters/3/call", "{\"ticket\":\"Z999\"}"));
            conforms("POST", "/api/counters/3/finish", staff.post("/api/counters/3/finish"));
            conforms("PUT", "/api/counters/3/profile", manager.put("/api/counters/3/profile",
                    "{\"profile\":[{\"service\":\"PAY\",\"classes\":[],\"weightSeconds\":60}]}"));
            conforms("PUT", "/api/services/BILL", manager.put("/api/services/BILL", "{\"enabled\":false,\"messageZh\":\"暂停\",\"messageEn\":\"Paused\"}"));
            conforms("PUT", "/api/notice", manager.put("/api/notice", "{\"textZh\":\"通知\",\"textEn\":\"Notice\",\"minutes\":5}"));
            conforms("DELETE", "/api/notice", manager.delete("/api/notice"));
            conforms("POST", "/api/counters/3/close", manager.post("/api/counters/3/close"));
            conforms("POST", "/api/counters/3/open", manager.post("/api/counters/3/open"));
            conforms("GET", "/api/services", kiosk.get("/api/services"));
            conforms("GET", "/api/alarms", manager.get("/api/alarms"));
            conforms("GET", "/api/statistics", manager.get("/api/statistics"));
            conforms("GET", "/api/staffing", manager.get("/api/staffing"));
            conforms("GET", "/api/staffing?weeks=99", manager.get("/api/staffing?weeks=99"));
            conforms("GET", "/api/hall", manager.get("/api/hall"));
            conforms("GET", "/api/board", hall.client().get("/api/board"));
            conforms("POST", "/api/logout", manager.post("/api/logout"));
            conforms("GET", "/api/session", manager.get("/api/session"));
        }
    }

    @Test
    void everyOperation_refusesTheRolesItDoesNotList() {
        try (WebTestHall hall = WebTestHall.start(data)) {
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            ApiClient staff = hall.client();
            staff.login("staff");
            ApiClient nobody = hall.client();
            hall.hall().submit(new io.hallq.controller.queue.Command.Tick()).join(); // the day has started
            long before = hall.hall().lastSequence();
            int checked = 0;
            for (ApiContract.Operation op : contract.operations()) {
                if (op.isPublic()) {
                    continue;
                }
                String path = op.path().replace("{n}", "2").replace("{key}", "call-next").replace("{code}", "PAY")
                        .replace("{token}", "AAAAAAAAAAAAAAAAAAAAAA");
                Response anonymous = send(nobody, op.method().name(), path);
                assertEquals(401, anonymous.status(), op.method() + " " + op.path() + " without a login: " + anonymous);
                for (var who : List.of(new Object[] {kiosk, Role.KIOSK}, new Object[] {staff, Role.STAFF})) {
                    if (!op.roles().contains((Role) who[1])) {
                        Response r = send((ApiClient) who[0], op.method().name(), path);
                        assertEquals(403, r.status(), op.method() + " " + op.path() + " as " + who[1] + ": " + r);
                        assertEquals("FORBIDDEN", r.text("error"));
                        checked++;
                    }
                }
            }
            assertTrue(checked > 20, checked + " refusals checked");
            assertEquals(before, hall.hall().lastSequence());
        }
    }

    private static Response send(ApiClient c, String method, String path) {
        return switch (method) {
            case "GET" -> c.get(path);
            case "POST" -> c.post(path, "{}");
            case "PUT" -> c.put(path, "{}");
            case "DELETE" -> c.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Test
    void anOperationWithoutRoles_mustSayItIsPublic() throws Exception {
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree("paths:\n  /api/x:\n    get:\n      summary: forgot its roles\n      responses: {}\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ApiContract.parse(doc));
        assertTrue(e.getMessage().contains("GET /api/x"), e.getMessage());
    }
}
