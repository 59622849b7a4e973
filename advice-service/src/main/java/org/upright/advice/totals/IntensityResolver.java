package org.upright.advice.totals;

import java.util.Locale;
import java.util.Optional;
import org.upright.events.ActivityEvent;
import org.upright.events.Intensity;
import org.upright.events.Vocabulary;

/**
 * Decides how hard an exercise was, in the documented order: the intensity the device stated;
 * else its METs (CDC: light below 3, moderate 3 to 5.9, vigorous 6 and above); else the typical
 * METs of the activity (Compendium of Physical Activities). Heart-rate zones need the person's
 * age and come with profiles.
 */
public final class IntensityResolver {

    static final double MODERATE_METS = 3.0;
    static final double VIGOROUS_METS = 6.0;

    private IntensityResolver() {
    }

    public static Intensity resolve(ActivityEvent event) {
        if (event.intensity() != null) {
            return event.intensity();
        }
        if (event.mets() != null) {
            return fromMets(event.mets());
        }
        return Optional.ofNullable(event.activity())
                .map(activity -> activity.toLowerCase(Locale.ROOT))
                .flatMap(Vocabulary::typicalMets)
                .map(IntensityResolver::fromMets)
                .orElse(Intensity.LIGHT);
    }

    static Intensity fromMets(double mets) {
        if (mets >= VIGOROUS_METS) {
            return Intensity.VIGOROUS;
        }
        return mets >= MODERATE_METS ? Intensity.MODERATE : Intensity.LIGHT;
    }
}
