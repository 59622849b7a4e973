package org.upright.advice.totals;

import java.util.Locale;
import java.util.Optional;
import org.upright.events.ActivityEvent;
import org.upright.events.Intensity;
import org.upright.events.Vocabulary;

/**
 * Decides how hard an exercise was, in the documented order: the intensity the device stated; else
 * its METs (CDC: light below 3, moderate 3 to 5.9, vigorous 6 and above); else the average heart
 * rate as a share of the maximum, 220 minus age (CDC: moderate 64-76 %, vigorous 77-93 %), when the
 * person's birth year is known; else the typical METs of the activity (Compendium of Physical
 * Activities); else light.
 */
public final class IntensityResolver {

    static final double MODERATE_METS = 3.0;
    static final double VIGOROUS_METS = 6.0;
    static final double MODERATE_HEART_RATE_SHARE = 0.64;
    static final double VIGOROUS_HEART_RATE_SHARE = 0.77;

    private IntensityResolver() {
    }

    public static Intensity resolve(ActivityEvent event, Integer birthYear) {
        if (event.intensity() != null) {
            return event.intensity();
        }
        if (event.mets() != null) {
            return fromMets(event.mets());
        }
        if (event.avgHeartRate() != null && birthYear != null) {
            int age = event.start().getYear() - birthYear;
            return fromHeartRateShare(event.avgHeartRate() / (220.0 - age));
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

    /** The CDC's ranges leave no gap in practice: 76.5 % is still moderate, 77 % vigorous. */
    static Intensity fromHeartRateShare(double share) {
        if (share >= VIGOROUS_HEART_RATE_SHARE) {
            return Intensity.VIGOROUS;
        }
        return share >= MODERATE_HEART_RATE_SHARE ? Intensity.MODERATE : Intensity.LIGHT;
    }
}
