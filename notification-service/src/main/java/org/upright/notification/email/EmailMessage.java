package org.upright.notification.email;

import java.util.Map;
import org.upright.notification.inbox.Notification;

/** A nudge as an e-mail: a short subject, and the advice with its why, as HTML and as plain text. */
final class EmailMessage {

    private static final Map<String, String> SUBJECTS = Map.of(
            "weekly-summary", "Your week in figures",
            "sitting-hourly-break", "Time to stand up",
            "sitting-long-day", "A long day of sitting",
            "pain-see-doctor", "About your back pain",
            "cdc-aerobic", "Your aerobic minutes this week",
            "cdc-strength", "Muscle-strengthening this week");

    private EmailMessage() {
    }

    static String subject(Notification notification) {
        return "Upright: " + SUBJECTS.getOrDefault(notification.ruleId, "a nudge for your back");
    }

    /** @param unsubscribe the person's one-click unsubscribe link, or null */
    static String text(Notification notification, String unsubscribe) {
        return notification.message + "\n\n"
                + "Your figure: " + figure(notification.figure) + " " + notification.unit + "; the target: " + figure(notification.target) + ".\n"
                + "Why: " + notification.sourcePoint + "\n"
                + "Source: " + notification.sourceDocument + ", " + notification.sourceSection + ".\n\n"
                + "Upright nudges; it does not diagnose. Change what you get in your preferences"
                + (unsubscribe == null ? ".\n" : ", or stop these e-mails: " + unsubscribe + "\n");
    }

    static String html(Notification notification, String unsubscribe) {
        return "<html><body style=\"font-family: sans-serif; max-width: 40em\">"
                + "<p style=\"font-size: 1.1em\">" + escape(notification.message) + "</p>"
                + "<p>Your figure: <b>" + figure(notification.figure) + " " + escape(notification.unit) + "</b>; the target: <b>"
                + figure(notification.target) + "</b>.</p>"
                + "<p><b>Why:</b> " + escape(notification.sourcePoint) + "<br><small>Source: <i>" + escape(notification.sourceDocument)
                + "</i>, " + escape(notification.sourceSection) + ".</small></p>"
                + "<p><small>Upright nudges; it does not diagnose. Change what you get in your preferences"
                + (unsubscribe == null ? "." : ", or <a href=\"" + escape(unsubscribe) + "\">stop these e-mails</a>.") + "</small></p>"
                + "</body></html>";
    }

    private static String figure(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
