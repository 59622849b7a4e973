package org.upright.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from /proc: of one process, and of the whole machine, in milliseconds (Linux ticks are 10 ms). */
final class CpuTime {

    private static final long MILLIS_PER_TICK = 10;

    private CpuTime() {
    }

    /** User and system time the process has used so far. */
    static long ofProcess(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name in parentheses may hold spaces; the fields after it are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** Time all cores have spent busy (not idle or waiting for I/O) so far. */
    static long busyOfMachine() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        // user, nice, system, (idle, iowait), irq, softirq, steal; guest time is already in user
        for (int i = 1; i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy * MILLIS_PER_TICK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
