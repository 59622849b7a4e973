package org.upright.advice.totals;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.upright.events.ActivityEvent;
import org.upright.events.Intensity;

/**
 * Decides how hard an exercise was, in the documented order: the intensity the device stated;
 * else its METs (CDC: light below 3, moderate 3 to 5.9, vigorous 6 and above); else the typical
 * METs of the activity (Compendium of Physical Activities). Heart-rate zones need the person's
 * age and come with profiles.
 */
public final class IntensityResolver {

    static final double MODERATE_METS = 3.0;
    static final double VIGOROUS_METS = 6.0;

    /** Typical METs of common activities, from the Compendium of Physical Activities. */
    private static final Map<String, Double> TYPICAL_METS = Map.ofEntries(
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
            Map.entry("dancing", 5.0),
            Map.entry("rowing", 7.0),
            Map.entry("elliptical", 5.0),
            Map.entry("gardening", 3.8),
            Map.entry("tennis", 7.3));

    private IntensityResolver() {
    }

    public static Intensity resolve(ActivityEvent event) {
        if (event.intensity() != null) {
            return event.intensity();
        }
        if (event.mets() != null) {
            return fromMets(event.mets());
        }
        return typicalMets(event.activity()).map(IntensityResolver::fromMets).orElse(Intensity.LIGHT);
    }

    static Intensity fromMets(double mets) {
        if (mets >= VIGOROUS_METS) {
            return Intensity.VIGOROUS;
        }
        return mets >= MODERATE_METS ? Intensity.MODERATE : Intensity.LIGHT;
    }

    static Optional<Double> typicalMets(String activity) {
        return activity == null ? Optional.empty()
                : Optional.ofNullable(TYPICAL_METS.get(activity.toLowerCase(Locale.ROOT)));
    }
}
