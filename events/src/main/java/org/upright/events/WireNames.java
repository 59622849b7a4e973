package org.upright.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire names of an enum's constants (their lower-case names), and the constant of each: read
 * on every record, so looked up in a map, not by a pass that lower-cases every name.
 */
final class WireNames<E extends Enum<E>> {

    private final Map<String, E> byName;
    private final String what;

    WireNames(E[] constants, String what) {
        this.byName = Arrays.stream(constants).collect(Collectors.toUnmodifiableMap(WireNames::of, Function.identity()));
        this.what = what;
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when no constant has that wire name */
    E constant(String wireName) {
        E constant = wireName == null ? null : byName.get(wireName);
        if (constant == null) {
            throw new IllegalArgumentException("unknown " + what + ": " + wireName);
        }
        return constant;
    }
}
