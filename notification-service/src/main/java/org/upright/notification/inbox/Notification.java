package org.upright.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** One advice in a person's inbox; its id is the advice id, so an advice lands once. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @Column(name = "advice_id")
    public UUID adviceId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public String message;

    @Column(nullable = false)
    public double figure;

    @Column(nullable = false)
    public double target;

    @Column(nullable = false)
    public String unit;

    @Column(name = "source_document", nullable = false)
    public String sourceDocument;

    @Column(name = "source_section", nullable = false)
    public String sourceSection;

    @Column(name = "source_point", nullable = false)
    public String sourcePoint;

    public String period;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** The advice as it came in, for the policy to judge again. */
    public AdviceIssued toAdvice() {
        return new AdviceIssued(adviceId, userId, ruleId, Severity.fromWireName(severity), message, figure, target, unit,
                new AdviceIssued.Source(sourceDocument, sourceSection, sourcePoint), period, issuedAt);
    }

    /**
     * The newest first, issued before {@code before} when it is given (with {@code beforeId}, going on
     * inside the group issued at {@code before}), only the unread when asked.
     */
    public static List<Notification> inbox(String userId, int limit, Instant before, UUID beforeId, boolean unreadOnly) {
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters parameters = Parameters.with("user", userId);
        if (before != null) {
            query.append(beforeId == null ? " and issuedAt < :before"
                    : " and (issuedAt < :before or (issuedAt = :before and adviceId < :beforeId))");
            parameters.and("before", before);
            if (beforeId != null) {
                parameters.and("beforeId", beforeId);
            }
        }
        if (unreadOnly) {
            query.append(" and readAt is null");
        }
        return find(query.toString(), Sort.descending("issuedAt", "adviceId"), parameters).page(Page.ofSize(limit)).list();
    }
}
