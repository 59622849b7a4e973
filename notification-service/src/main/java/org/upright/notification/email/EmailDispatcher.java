package org.upright.notification.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.upright.notification.delivery.ChannelDispatcher;
import org.upright.notification.delivery.Delivery;
import org.upright.notification.delivery.RetryBackoff;
import org.upright.notification.inbox.Notification;
import org.upright.notification.policy.Channel;
import org.upright.notification.preferences.PreferencesStore;

/**
 * Sends due e-mail deliveries through SMTP, one at a time, each taken with SKIP LOCKED, right after
 * the commit that made one due and again when a retry falls due. A failure
 * is retried with the same backoff as webhooks until it runs out of attempts; a person without an
 * address in their preferences gets none, and the log says so.
 */
@ApplicationScoped
public class EmailDispatcher implements ChannelDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    @Inject
    Mailer mailer;

    @Inject
    PreferencesStore preferences;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "upright.email.first-retry", defaultValue = "30s")
    Duration firstRetry;

    @ConfigProperty(name = "upright.email.longest-retry", defaultValue = "2h")
    Duration longestRetry;

    @ConfigProperty(name = "upright.email.max-attempts", defaultValue = "12")
    int maxAttempts;

    @ConfigProperty(name = "upright.email.public-url")
    Optional<String> publicUrl;

    @Inject
    Unsubscribes unsubscribes;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Optional<Instant> dispatchDue() {
        while (sendOneDue(Instant.now())) {
            // until nothing is due
        }
        return QuarkusTransaction.requiringNew().call(() -> Delivery.nextDue(Channel.EMAIL.wireName()));
    }

    @Override
    public void redeliver(Delivery failed, Instant now) {
        failed.status = Delivery.PENDING;
        failed.attempts = 0;
        failed.dueAt = now;
        failed.detail = "redelivery requested after: " + failed.detail;
        failed.updatedAt = now;
    }

    boolean sendOneDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> due = entityManager.createNativeQuery(
                            "select id, user_id, advice_id, attempts from {h-schema}delivery where channel = 'email' and status = 'pending'"
                                    + " and decision = 'push' and due_at <= ?1 order by due_at limit 1 for update skip locked")
                    .setParameter(1, Timestamp.from(now)).getResultList();
            if (due.isEmpty()) {
                return false;
            }
            Object[] delivery = due.get(0);
            int attempts = ((Number) delivery[3]).intValue() + 1;
            String address = preferences.of((String) delivery[1]).email();
            String status;
            String detail = null;
            Instant next = now;
            if (address == null) {
                status = "skipped";
                detail = "no e-mail address in the preferences";
                attempts--;
            } else {
                String error = send(address, (String) delivery[1], Notification.findById(delivery[2]));
                if (error == null) {
                    status = "delivered";
                } else if (attempts >= maxAttempts) {
                    status = Delivery.FAILED;
                    meters.counter(Delivery.DEAD_LETTERS_METRIC, "channel", channel().wireName()).increment();
                    detail = "failed after " + attempts + " attempts: " + error;
                } else {
                    status = "pending";
                    next = now.plus(new RetryBackoff(firstRetry, longestRetry).after(attempts));
                    detail = "retrying after: " + error;
                }
            }
            entityManager.createNativeQuery("update {h-schema}delivery set status = ?2, attempts = ?3, due_at = ?4,"
                            + " detail = ?5, updated_at = ?6 where id = ?1")
                    .setParameter(1, (UUID) delivery[0]).setParameter(2, status).setParameter(3, attempts)
                    .setParameter(4, Timestamp.from(next)).setParameter(5, detail).setParameter(6, Timestamp.from(now))
                    .executeUpdate();
            return true;
        });
    }

    /** @return null when the SMTP server took it, else what went wrong */
    private String send(String address, String userId, Notification notification) {
        String unsubscribe = publicUrl.map(url -> url.replaceAll("/+$", "") + UnsubscribeResource.PATH + "?token=" + unsubscribes.tokenFor(userId))
                .orElse(null);
        Mail mail = Mail.withHtml(address, EmailMessage.subject(notification), EmailMessage.html(notification, unsubscribe))
                .setText(EmailMessage.text(notification, unsubscribe));
        if (unsubscribe != null) {
            // RFC 8058: mail clients offer a one-click unsubscribe that POSTs List-Unsubscribe=One-Click to the link
            mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">").addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail);
            return null;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
