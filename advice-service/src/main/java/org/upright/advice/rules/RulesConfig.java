package org.upright.advice.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every rule threshold, with the defaults the sources give. */
@ConfigMapping(prefix = "upright.rules")
public interface RulesConfig {

    Aerobic aerobic();

    interface Aerobic {
        /** CDC: at least 150 minutes of moderate activity a week (or 75 vigorous). */
        @WithDefault("150")
        int weeklyModerateMinutes();
    }
}
