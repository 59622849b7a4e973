package org.upright.advice.rules;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** RulesConfig for plain unit tests: the documented defaults, or these with some settings changed. */
public final class TestRules {

    private TestRules() {
    }

    public static RulesConfig defaults() {
        return with(Map.of());
    }

    public static RulesConfig with(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RulesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus' "50m", as in application.properties
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
        return config.getConfigMapping(RulesConfig.class);
    }
}
