package io.hallq.controller.config;

import static io.hallq.controller.config.ConfigScalar.BOOLEAN;
import static io.hallq.controller.config.ConfigScalar.NAME;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the {@code counters} section and checks it against the services and classes read before it. */
final class CountersReader {

    private static final ConfigScalar<Integer> NUMBER = ConfigScalar.integer(1, 999);
    private static final ConfigScalar<String> SERVICE_CODE = ConfigScalar.TEXT.where(s -> true, "a service code");
    private static final ConfigScalar<String> CLASS_CODE = ConfigScalar.TEXT.where(s -> true, "a class code");
    private static final String[] KEYS = {"number", "nameZh", "nameEn", "vipRoom", "openAtStart", "profile"};

    private final List<String> serviceCodes;
    private final List<String> classCodes;
    /** False once some profile could not be read in full: it may have served the services that seem unserved. */
    private boolean profilesComplete = true;

    /** @param services and {@code classes} as read, so that references can be checked against them */
    CountersReader(List<ServiceConfig> services, List<CustomerClassConfig> classes) {
        this.serviceCodes = services.stream().map(ServiceConfig::code).filter(c -> !c.isEmpty()).distinct().toList();
        this.classCodes = classes.stream().map(CustomerClassConfig::code).filter(c -> !c.isEmpty()).distinct().toList();
    }

    List<CounterConfig> read(ConfigNode root) {
        UniqueValues numbers = new UniqueValues("number");
        List<CounterConfig> counters = new ArrayList<>();
        for (ConfigNode item : root.key("counters").requiredList("counters")) {
            ConfigNode n = item.requiredMapping(KEYS);
            profilesComplete &= n.isUsable();
            counters.add(counter(n, numbers));
        }
        return counters;
    }

    private CounterConfig counter(ConfigNode n, UniqueValues numbers) {
        int number = n.key("number").required(NUMBER).orElse(0);
        numbers.check(n.key("number"), n, number == 0 ? "" : Integer.toString(number));
        return new CounterConfig(number,
                n.key("nameZh").get(NAME, number + "号窗口"),
                n.key("nameEn").get(NAME, "Counter " + number),
                n.key("vipRoom").get(BOOLEAN, false),
                n.key("openAtStart").get(BOOLEAN, true),
                profile(n.key("profile")));
    }

    private List<ProfileEntry> profile(ConfigNode n) {
        UniqueValues services = new UniqueValues("service");
        List<ProfileEntry> profile = new ArrayList<>();
        profilesComplete &= !n.isGiven() || n.json().isArray();
        for (ConfigNode item : n.list("profile entries")) {
            ConfigNode entry = item.requiredMapping("service", "classes", "weight");
            profilesComplete &= entry.isUsable();
            profile.add(profileEntry(entry, services));
        }
        return profile;
    }

    private ProfileEntry profileEntry(ConfigNode n, UniqueValues servicesOfCounter) {
        ConfigNode serviceNode = n.key("service");
        String service = serviceNode.required(SERVICE_CODE).orElse("");
        servicesOfCounter.check(serviceNode, n, service);
        profilesComplete &= !service.isEmpty() && requireKnown(serviceNode, service, "service", serviceCodes);
        return new ProfileEntry(service, entryClasses(n.key("classes")),
                n.key("weight").get(ClassesReader.HEAD_START, Duration.ZERO));
    }

    private List<String> entryClasses(ConfigNode n) {
        Set<String> seen = new HashSet<>();
        List<String> classes = new ArrayList<>();
        for (ConfigNode item : n.list("class codes")) {
            String code = item.required(CLASS_CODE).orElse("");
            if (!code.isEmpty() && !seen.add(code)) {
                item.error("duplicate class '" + code + "'");
            } else if (requireKnown(item, code, "class", classCodes)) {
                classes.add(code);
            }
        }
        return classes;
    }

    private static boolean requireKnown(ConfigNode n, String code, String what, List<String> known) {
        if (code.isEmpty() || known.isEmpty() || known.contains(code)) {
            return true;
        }
        n.error("unknown " + what + " '" + code + "' (known: " + String.join(", ", known) + ")");
        return false;
    }

    /** Tickets of an enabled service that is called at counters would wait forever if no counter takes them. */
    void checkCoverage(ConfigNode root, List<ServiceConfig> services, List<CounterConfig> counters) {
        if (counters.isEmpty() || !profilesComplete) {
            return;
        }
        Set<String> served = counters.stream().flatMap(c -> c.profile().stream())
                .map(ProfileEntry::service).collect(Collectors.toSet());
        services.stream()
                .filter(s -> s.enabled() && !s.directQueue() && !s.code().isEmpty() && !served.contains(s.code()))
                .forEach(s -> root.key("counters").error("no counter serves the service '" + s.code()
                        + "'; add it to a counter's profile, or set directQueue: true or enabled: false on it"));
    }

    /** A VIP room with no VIP-room class would only ever take overflow, which is almost surely a mistake. */
    static void checkVipRoom(ConfigNode root, List<CustomerClassConfig> classes, List<CounterConfig> counters) {
        List<String> vipCounters = counters.stream().filter(CounterConfig::vipRoom)
                .map(c -> Integer.toString(c.number())).toList();
        if (vipCounters.isEmpty() || classes.isEmpty() || classes.stream().anyMatch(CustomerClassConfig::vipRoom)) {
            return;
        }
        String which = vipCounters.size() == 1
                ? "counter " + vipCounters.get(0) + " is" : "counters " + String.join(", ", vipCounters) + " are";
        root.key("counters").error(which + " in the VIP room (vipRoom: true) but no class has vipRoom: true");
    }
}
