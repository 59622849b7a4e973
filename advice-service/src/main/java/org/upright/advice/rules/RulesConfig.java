package org.upright.advice.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/** Every rule threshold, with the defaults the sources give; README lists each one. */
@ConfigMapping(prefix = "upright.rules")
public interface RulesConfig {

    Aerobic aerobic();

    Strength strength();

    Sitting sitting();

    Posture posture();

    Overuse overuse();

    Stress stress();

    Pain pain();

    StayActive stayActive();

    Summary summary();

    interface Aerobic {
        /** CDC: at least 150 minutes of moderate activity a week, or 75 vigorous (a vigorous minute counts double). */
        @WithDefault("150")
        int weeklyModerateMinutes();

        /** When the mid-week pacing nudge is due, in the person's zone. */
        @WithDefault("thursday")
        DayOfWeek pacingDay();

        @WithDefault("12:00")
        LocalTime pacingTime();
    }

    interface Strength {
        /** CDC: muscle-strengthening activities on 2 or more days a week. */
        @WithDefault("2")
        int weeklyDays();
    }

    interface Sitting {
        /** The article: hourly breaks; like the watches that remind at 50 minutes. Trials use 20 or 30. */
        @WithDefault("50m")
        Duration breakAfter();

        /** A bout this long counts as one without a break in the week's figures. */
        @WithDefault("60m")
        Duration longBout();

        /** More sitting than this in one day fires sitting-long-day. */
        @WithDefault("8h")
        Duration longDay();

        /** How often open bouts are checked against breakAfter: the nudge is at most this late. */
        @WithDefault("250ms")
        Duration checkInterval();
    }

    interface Posture {
        /** The postures that count as poor. */
        @WithDefault("slouched,hunched,leaning-forward")
        Set<String> poor();

        /** posture-poor fires when poor posture is above this share of the week's sitting time. */
        @WithDefault("0.30")
        double poorShare();

        /** Too little sitting time says nothing about posture: the rule waits for this much. */
        @WithDefault("60")
        int minimumSittingMinutes();
    }

    interface Overuse {
        /** overuse-spike fires when a week's load is above this multiple of the weeks before. */
        @WithDefault("1.5")
        double spikeRatio();

        @WithDefault("4")
        int baselineWeeks();

        /** Below this average (moderate-equivalent minutes a week) there is no baseline to compare with. */
        @WithDefault("30")
        int minimumBaselineMinutes();
    }

    interface Stress {
        /** A stress level (0-100) from which the time counts as high stress. */
        @WithDefault("70")
        int highLevel();

        /** stress-high fires when a day has more high-stress minutes than this. */
        @WithDefault("60")
        int dailyHighMinutes();
    }

    interface Pain {
        /** A report this severe (0-10) is intense pain. */
        @WithDefault("7")
        int intenseSeverity();

        /** Pain on this many days within windowDays is pain that does not improve. */
        @WithDefault("3")
        int days();

        @WithDefault("14")
        int windowDays();

        /**
         * Pain keeps coming back when this many spells of it (each after more than windowDays
         * without pain) start within recurrenceDays.
         */
        @WithDefault("3")
        int recurringSpells();

        @WithDefault("90")
        int recurrenceDays();
    }

    interface StayActive {
        /** stay-active fires when a week after pain has less than this share of the load before it. */
        @WithDefault("0.5")
        double dropShare();
    }

    interface Summary {
        /** When the weekly summary of the week before is due, in the person's zone. */
        @WithDefault("monday")
        DayOfWeek day();

        @WithDefault("08:00")
        LocalTime time();
    }
}
