package org.upright.advice.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What advice-service knows of a person, from the latest profile activity-service published. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The zone the person's weeks end in for reviews and summaries; UTC until they set one. */
    public ZoneId zone() {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    public static Map<String, Person> byId(Collection<String> userIds) {
        return Person.<Person>list("userId in ?1", userIds).stream().collect(Collectors.toMap(person -> person.userId, Function.identity()));
    }
}
