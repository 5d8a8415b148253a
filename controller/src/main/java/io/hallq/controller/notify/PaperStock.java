package io.hallq.controller.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Ticket paper in store (seed 003: warn before consumables run out, with the days left estimated from the hall's
 * volume). The manager page sets the rolls in store; a roll put in the printer (its near-end warning clearing)
 * takes one from the store. Days left = (rolls in store x tickets per roll + what is left on the loaded roll) /
 * tickets per day, where the loaded roll counts as empty while the near-end sensor says so and as half a roll
 * otherwise (the printer cannot tell more), and tickets per day is the mean of the past days in the journal.
 *
 * <p>The count of rolls lives in a one-line file beside the journal, so it survives restarts. Not thread-safe
 * except {@link #rolls} and {@link #setRolls}, which synchronize: the web route sets, the worker reads.
 */
public final class PaperStock {

    /** The estimate shown to the manager; {@code daysLeft} is -1 while no past day tells the volume. */
    public record Estimate(int rolls, double ticketsPerDay, boolean nearEnd, double daysLeft, boolean low) {}

    private final NotifyConfig.Paper settings;
    private final Path file;
    private int rolls;
    private double ticketsPerDay;
    private boolean nearEnd;

    PaperStock(NotifyConfig.Paper settings, Path file) {
        this.settings = settings;
        this.file = file;
        this.rolls = load(file, settings.rollsAtStart());
    }

    private static int load(Path file, int fallback) {
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : fallback;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(file + ": cannot read the paper stock (a whole number of rolls)", e);
        }
    }

    public synchronized int rolls() {
        return rolls;
    }

    /** The manager counted the store. */
    public synchronized void setRolls(int count) {
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("rolls: expected 0 to 10000, got " + count);
        }
        rolls = count;
        save();
    }

    /** A roll went into the printer (its near-end warning cleared). */
    synchronized void rollChanged() {
        nearEnd = false;
        if (rolls > 0) {
            rolls--;
            save();
        }
    }

    void nearEnd(boolean on) {
        this.nearEnd = on;
    }

    /** Tickets printed on each past day (oldest first); days without tickets (closed) are left out. */
    void history(List<Long> printedPerDay) {
        ticketsPerDay = printedPerDay.stream().filter(n -> n > 0).mapToLong(Long::longValue).average().orElse(0);
    }

    synchronized Estimate estimate() {
        double loaded = nearEnd ? 0 : settings.ticketsPerRoll() / 2.0;
        double tickets = rolls * (double) settings.ticketsPerRoll() + loaded;
        if (ticketsPerDay <= 0) {
            return new Estimate(rolls, 0, nearEnd, -1, false);
        }
        double days = tickets / ticketsPerDay;
        return new Estimate(rolls, ticketsPerDay, nearEnd, days, days < settings.warnDays());
    }

    /** The warning's values when the stock is low, else empty. */
    Optional<Estimate> low() {
        Estimate e = estimate();
        return e.low() ? Optional.of(e) : Optional.empty();
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(tmp, Integer.toString(rolls), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the paper stock", e);
        }
    }
}
