package org.upright.notification.preferences;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's preferences as they set them, kept as the JSON document the API takes. */
@Entity
@Table(name = "preferences")
public class StoredPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public String document;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
