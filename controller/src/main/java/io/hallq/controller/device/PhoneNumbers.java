package io.hallq.controller.device;

/** Phone numbers as they may be shown: never in clear on a ticket, in a log or on the wire. */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    /** A mainland mobile number: 11 digits starting with 1. */
    public static boolean valid(String phone) {
        return phone != null && phone.matches("1[0-9]{10}");
    }

    /** "13812341234" -> "138****1234"; anything shorter than 8 characters becomes all stars. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return "*".repeat(phone == null ? 0 : phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
