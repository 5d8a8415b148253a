package io.hallq.controller.config;

import java.util.Optional;

/**
 * {@code web.publicUrl}: how phones on the hall Wi-Fi reach the web server. It is said once: the mobile links
 * the API returns and the QR code printed on every ticket both start with it ({@code <publicUrl>/m/<token>}).
 */
public final class PublicUrl {

    /** The mobile ticket page's path under the public URL; the ticket's token follows. */
    public static final String MOBILE_PATH = "/m/";

    static final ConfigScalar<String> URL =
            ConfigScalar.text("https?://[^\\s/]+(/[^\\s]*)?", "an http:// or https:// URL");

    private PublicUrl() {}

    /** The value of a {@code publicUrl} key, without a trailing '/'. */
    public static Optional<String> read(ConfigNode key) {
        return key.optional(URL).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /**
     * The base of the ticket's QR code, {@code <publicUrl>/m/}, or empty when the web server is switched off
     * or no public URL is set (tickets then carry no QR code). A malformed value goes to {@code problems}, as
     * the web module reports it.
     */
    public static Optional<String> mobileBase(LoadedConfig loaded, ConfigProblems problems) {
        ConfigNode web = loaded.section("web", problems);
        boolean enabled = web.key("enabled").get(ConfigScalar.BOOLEAN, true);
        Optional<String> url = read(web.key("publicUrl"));
        return enabled ? url.map(u -> u + MOBILE_PATH) : Optional.empty();
    }
}
