package org.upright.activity.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What Upright needs to know about a person to count their week and their heart-rate zones. */
@Entity
@Table(name = "profile")
public class Profile extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
