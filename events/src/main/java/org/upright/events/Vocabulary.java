package org.upright.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words the v1 contract accepts for activities, postures, body sites and pain kinds, shared by
 * the producer that validates them and the consumers that interpret them.
 */
public final class Vocabulary {

    /**
     * Activities with their typical METs, from the Compendium of Physical Activities; used when
     * an exercise states neither an intensity nor METs.
     */
    public static final Map<String, Double> ACTIVITY_METS = Map.ofEntries(
            Map.entry("walking", 3.5),
            Map.entry("brisk-walking", 4.3),
            Map.entry("hiking", 6.0),
            Map.entry("running", 9.8),
            Map.entry("jogging", 7.0),
            Map.entry("cycling", 6.8),
            Map.entry("swimming", 5.8),
            Map.entry("strength-training", 3.5),
            Map.entry("yoga", 2.5),
            Map.entry("pilates", 3.0),
            Map.entry("stretching", 2.3),
            Map.entry("dancing", 5.0),
            Map.entry("rowing", 7.0),
            Map.entry("elliptical", 5.0),
            Map.entry("gardening", 3.8),
            Map.entry("tennis", 7.3),
            Map.entry("climbing", 7.5),
            Map.entry("skiing", 7.0));

    /** An activity outside the table; it counts only with a stated intensity, METs or heart rate. */
    public static final String OTHER_ACTIVITY = "other";

    public static final Set<String> POSTURES = Set.of("upright", "reclined", "slouched", "hunched", "leaning-forward");

    public static final Set<String> BODY_SITES = Set.of("lower-back", "upper-back", "neck", "hip", "buttock", "leg", "other");
    public static final Set<String> PAIN_KINDS = Set.of("spasm", "ache", "sharp");

    private Vocabulary() {
    }

    public static boolean isActivity(String activity) {
        return ACTIVITY_METS.containsKey(activity) || OTHER_ACTIVITY.equals(activity);
    }

    public static Optional<Double> typicalMets(String activity) {
        return Optional.ofNullable(ACTIVITY_METS.get(activity));
    }
}
