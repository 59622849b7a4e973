package org.upright.notification.preferences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.upright.notification.policy.NudgePreferences;

/** Reads and stores people's preferences; someone who never set any gets the defaults. */
@ApplicationScoped
public class PreferencesStore {

    @Inject
    ObjectMapper json;

    @Transactional
    public PreferencesView of(String userId) {
        return StoredPreferences.<StoredPreferences>findByIdOptional(userId).map(this::read).orElseGet(PreferencesView::defaults);
    }

    /** What the nudge policy works with: the person's preferences, or the defaults. */
    @Transactional(Transactional.TxType.MANDATORY)
    public NudgePreferences policyOf(String userId) {
        return StoredPreferences.<StoredPreferences>findByIdOptional(userId).map(this::read)
                .orElseGet(PreferencesView::defaults).toPolicy();
    }

    /** Stores them as given, and returns them with the defaults filled in. */
    @Transactional
    public PreferencesView save(String userId, PreferencesView preferences) {
        StoredPreferences stored = StoredPreferences.<StoredPreferences>findByIdOptional(userId).orElseGet(() -> {
            StoredPreferences created = new StoredPreferences();
            created.userId = userId;
            return created;
        });
        try {
            stored.document = json.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write preferences", e);
        }
        stored.updatedAt = Instant.now();
        stored.persist();
        return complete(preferences);
    }

    private PreferencesView read(StoredPreferences stored) {
        try {
            return complete(json.readValue(stored.document, PreferencesView.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preferences of " + stored.userId + " are unreadable", e);
        }
    }

    private static PreferencesView complete(PreferencesView preferences) {
        return PreferencesView.of(preferences.toPolicy(), preferences.email());
    }
}
