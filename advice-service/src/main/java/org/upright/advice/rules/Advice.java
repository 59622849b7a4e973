package org.upright.advice.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** Advice as issued to a person; unique per person, rule and cause, so a cause fires once. */
@Entity
@Table(name = "advice")
public class Advice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    /** What the rule fires once for: a week, a day, a bout, a pain spell. */
    @Column(nullable = false)
    public String cause;

    @Column(nullable = false)
    public String period;

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

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    public static Advice from(String userId, AdviceDraft draft, Instant issuedAt) {
        Advice advice = new Advice();
        advice.id = TimeOrderedUuid.next(issuedAt.toEpochMilli());
        advice.userId = userId;
        advice.ruleId = draft.ruleId();
        advice.cause = draft.cause();
        advice.period = draft.period();
        advice.severity = draft.severity().wireName();
        advice.message = draft.message();
        advice.figure = draft.figure();
        advice.target = draft.target();
        advice.unit = draft.unit();
        advice.sourceDocument = draft.source().document();
        advice.sourceSection = draft.source().section();
        advice.sourcePoint = draft.source().point();
        advice.issuedAt = issuedAt;
        return advice;
    }

    public AdviceIssued toRecord() {
        return new AdviceIssued(id, userId, ruleId, Severity.fromWireName(severity), message, figure, target, unit,
                new AdviceIssued.Source(sourceDocument, sourceSection, sourcePoint), period, issuedAt);
    }
}
