package org.upright.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.upright.notification.policy.Decision;

/** One advice on one channel: the policy's decision, its reason, and how sending it went. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /** Pending until a channel sends it; suppressed ones stay in the inbox only. */
    public static final String PENDING = "pending";
    public static final String SUPPRESSED = "suppressed";
    /** Taken up by its channel, which has not heard back from every recipient yet (webhooks). */
    public static final String SENDING = "sending";
    /**
     * Out of attempts: a dead letter, kept with its last error until someone asks for it to be
     * redelivered or the log forgets it ({@link DeliveryLogRetention}).
     */
    public static final String FAILED = "failed";
    /** Counts deliveries that became dead letters, per channel, for /q/metrics. */
    public static final String DEAD_LETTERS_METRIC = "upright.deliveries.dead.letters";

    @Id
    public UUID id;

    @Column(name = "advice_id", nullable = false)
    public UUID adviceId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String decision;

    @Column(nullable = false)
    public String reason;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    /** How sending went: why it was skipped, what the last failure was. */
    public String detail;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the next pending delivery on the channel falls due, if one is pending. */
    public static Optional<Instant> nextDue(String channel) {
        return Optional.ofNullable(getEntityManager().createQuery(
                        "select min(d.dueAt) from Delivery d where d.channel = ?1 and d.status = 'pending'", Instant.class)
                .setParameter(1, channel).getSingleResult());
    }

    /**
     * Records what the policy decided, and when: a push counts towards the daily cap and the rule's
     * cooldown from then on.
     */
    public void decided(Decision decision, String reason, Instant now) {
        this.decision = nameOf(decision);
        this.reason = reason;
        this.dueAt = decision.at();
        this.status = statusAfter(decision);
        this.decidedAt = now;
        this.updatedAt = now;
    }

    /** The decision as the log spells it: push, delay or suppress. */
    static String nameOf(Decision decision) {
        return decision.outcome().name().toLowerCase(Locale.ROOT);
    }

    static String statusAfter(Decision decision) {
        return decision.outcome() == Decision.Outcome.SUPPRESS ? SUPPRESSED : PENDING;
    }

    /** A timestamp column as an untyped native query returns it. */
    public static Instant instantOf(Object timestamp) {
        return timestamp instanceof Instant instant ? instant : ((Timestamp) timestamp).toInstant();
    }

    public static Optional<Delivery> of(String userId, UUID adviceId, String channel) {
        return find("userId = ?1 and adviceId = ?2 and channel = ?3", userId, adviceId, channel).firstResultOptional();
    }

    /**
     * A page of the log, newest decision first, after {@code position} if there is one. Decisions
     * are ordered by (decidedAt, adviceId, channel), which no two share.
     */
    public static List<Delivery> log(String userId, int limit, LogPosition position) {
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters parameters = Parameters.with("user", userId);
        if (position != null) {
            query.append(" and (decidedAt < :decidedAt");
            parameters.and("decidedAt", position.decidedAt());
            if (position.adviceId() != null) {
                query.append(" or (decidedAt = :decidedAt and adviceId < :adviceId)");
                parameters.and("adviceId", position.adviceId());
                if (position.channel() != null) {
                    query.append(" or (decidedAt = :decidedAt and adviceId = :adviceId and channel < :channel)");
                    parameters.and("channel", position.channel());
                }
            }
            query.append(")");
        }
        return find(query.toString(), Sort.descending("decidedAt", "adviceId", "channel"), parameters)
                .page(Page.ofSize(limit)).list();
    }

    /** Where a page of the log ends: its last entry's decidedAt, adviceId and channel (the last two optional). */
    public record LogPosition(Instant decidedAt, UUID adviceId, String channel) {
    }
}
