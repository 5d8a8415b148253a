package io.hallq.protocol.event;

import io.hallq.protocol.PhoneNumber;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;

/**
 * What of a journaled event may leave the hall (MQTT, the web feeds): all of it, every field kept, except the
 * secret ones. Events are rebuilt field by field from their record components, so a field added to an event
 * later goes out too, unless it is named here. One place for the rule; the MQTT outbox and the web's raw event
 * feed both use it.
 * <ul>
 * <li>{@link #SECRET} fields are emptied (null): the mobile ticket page's {@code token} is the customer's key and
 *     only that ticket's own page gets it; a booking's {@code phoneHash} (a keyed hash of the customer's number,
 *     for the check-in at the dispenser) stays in the hall too.</li>
 * <li>{@link #MASKED} fields are meant for display and are masked again should they hold a clear phone number
 *     ({@link PhoneNumber#ensureMasked}).</li>
 * </ul>
 */
public final class WireEvents {

    /** Fields that never leave the hall. */
    public static final Set<String> SECRET = Set.of("token", "phoneHash");
    /** Fields shown masked ("138****1234"), never with a clear number. */
    public static final Set<String> MASKED = Set.of("phoneMasked", "to");

    private WireEvents() {}

    private record Plan(RecordComponent[] components, Constructor<?> constructor, boolean touches) {}

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            boolean touches = Arrays.stream(components)
                    .anyMatch(c -> SECRET.contains(c.getName()) || MASKED.contains(c.getName()));
            if (!touches) {
                return new Plan(components, null, false);
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return new Plan(components, canonical, true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type + " has no canonical constructor", e);
            }
        }
    };

    /** The event as it may be published: the same event when it holds nothing secret. */
    public static HallEvent withoutSecrets(HallEvent event) {
        Plan plan = PLANS.get(event.getClass());
        if (!plan.touches()) {
            return event;
        }
        try {
            if (!needsChange(plan, event)) {
                return event; // the common case: no token, phone already masked; read only those fields
            }
            Object[] values = new Object[plan.components().length];
            for (int i = 0; i < values.length; i++) {
                RecordComponent c = plan.components()[i];
                values[i] = wire(c, c.getAccessor().invoke(event));
            }
            return (HallEvent) plan.constructor().newInstance(values);
        } catch (IllegalAccessException | InstantiationException e) {
            throw new IllegalStateException("cannot rebuild " + event.getClass().getSimpleName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot rebuild " + event.getClass().getSimpleName(), e.getCause());
        }
    }

    private static boolean needsChange(Plan plan, HallEvent event)
            throws IllegalAccessException, InvocationTargetException {
        for (RecordComponent c : plan.components()) {
            if (SECRET.contains(c.getName()) || MASKED.contains(c.getName())) {
                Object v = c.getAccessor().invoke(event);
                if (!java.util.Objects.equals(v, wire(c, v))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object wire(RecordComponent c, Object value) {
        if (SECRET.contains(c.getName())) {
            return null;
        }
        if (MASKED.contains(c.getName()) && value instanceof String shown) {
            return PhoneNumber.ensureMasked(shown);
        }
        return value;
    }
}
