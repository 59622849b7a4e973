package org.upright.advice.rules;

/** How figures read in advice: whole minutes, hours and minutes, percentages. */
final class Minutes {

    private Minutes() {
    }

    static long whole(double minutes) {
        return Math.round(minutes);
    }

    static long upTo(double minutes) {
        return (long) Math.ceil(minutes - 1e-9);
    }

    static String hoursAndMinutes(double minutes) {
        long total = Math.round(minutes);
        return total < 60 ? total + " min" : (total / 60) + " h " + (total % 60) + " min";
    }

    static long percent(double share) {
        return Math.round(share * 100);
    }
}
