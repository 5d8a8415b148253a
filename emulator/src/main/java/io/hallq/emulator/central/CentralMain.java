package io.hallq.emulator.central;

import java.util.List;

/** {@code hallq central}: a live table of every hall on a broker, optionally writing events to CSV. */
public final class CentralMain {

    private static final String CLEAR = "\u001b[H\u001b[2J";

    private CentralMain() {}

    public static void main(String[] args) throws InterruptedException {
        CentralOptions options;
        try {
            options = CentralOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CentralMonitor monitor = new CentralMonitor(options, e -> { });
        Runtime.getRuntime().addShutdownHook(new Thread(monitor::close, "central-shutdown"));
        monitor.start();
        if (options.answersLookups()) {
            try {
                LookupResponder responder = LookupResponder.start(options.broker(), options.username(),
                        options.password(), options.lookupKey(), options.lookupPhones(), java.time.Duration.ZERO);
                Runtime.getRuntime().addShutdownHook(new Thread(responder::close, "lookup-shutdown"));
                System.out.println("Answering phone lookups for " + options.lookupPhones().size() + " customers");
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                System.err.println("Cannot answer phone lookups: " + e.getMessage());
                System.exit(1);
                return;
            }
        }
        boolean terminal = System.console() != null;
        long until = options.runFor() == null ? Long.MAX_VALUE : System.currentTimeMillis() + options.runFor().toMillis();
        while (System.currentTimeMillis() < until) {
            Thread.sleep(Math.min(options.refresh().toMillis(), Math.max(1, until - System.currentTimeMillis())));
            monitor.flush();
            System.out.print((terminal ? CLEAR : "\n") + monitor.table());
            System.out.flush();
        }
        System.exit(0);
    }
}
