package io.hallq.emulator.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.HallConfigBuilder;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.queue.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example hall's notification module against the emulator's virtual SMS centre, over real SMPP. */
class VirtualSmsCentreTest {

    @TempDir
    Path dir;

    @Test
    void aPrinterFault_reachesTheDutyManagersPhoneOnTheVirtualCentre_inChinese() throws Exception {
        LoadedConfig example = HallConfigLoader.parseWithRoot(
                Files.readString(Path.of("..", "config", "example-hall.yaml")), "example-hall.yaml", dir);
        LoadedConfig loaded = new LoadedConfig(HallConfigBuilder.from(example.config())
                .journalIn(dir.resolve("journal"), 30, 1000).build(), example.root(), example.file());
        VirtualSmsCentre centre = new VirtualSmsCentre();
        NotifyModule notify = new NotifyModule(centre::redirect, null);
        try (HallRuntime rt = HallRuntime.start(loaded, Clock.systemUTC(), List.of(centre, notify))) {
            rt.hall().submit(new Command.DeviceFault("printer", "打印机缺纸", "Printer out of paper", "paper-out"))
                    .join();
            io.hallq.controller.Await.within(Duration.ofSeconds(30), () -> !centre.inboxes().isEmpty());
            var inbox = centre.inboxes().get("13900000001");
            assertEquals(1, inbox.size(), centre.inboxes().toString());
            assertTrue(inbox.get(0).text().contains("打印机缺纸"), inbox.get(0).text());
            io.hallq.controller.Await.within(Duration.ofSeconds(30),
                    () -> notify.snapshot().lines().stream().anyMatch(l -> l.state().equals("DELIVERED")));
            assertEquals("DELIVERED", notify.snapshot().lines().get(0).state());
        }
    }
}
