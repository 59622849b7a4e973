package org.upright.advice.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
