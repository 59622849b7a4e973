package org.upright.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** CPU time from /proc: of one process, and of the whole machine, in milliseconds (Linux ticks are 10 ms). */
final class CpuTime {

    private static final long MILLIS_PER_TICK = 10;

    private CpuTime() {
    }

    /** User and system time the process has used so far. */
    static long ofProcess(long pid) {
        long[] times = times(pid);
        return times[0] + times[1];
    }

    /**
     * The same for a process and all its descendants, with the time of children that have exited and
     * been waited for (PostgreSQL's backends that come and go). A descendant that exits while it is
     * read is left out of this reading.
     */
    static long ofProcessTree(long pid) {
        long[] times = times(pid);
        long used = times[0] + times[1] + times[2] + times[3];
        for (ProcessHandle descendant : ProcessHandle.of(pid).map(process -> process.descendants().toList()).orElse(List.of())) {
            try {
                used += ofProcess(descendant.pid());
            } catch (UncheckedIOException exited) {
                // gone since it was listed
            }
        }
        return used;
    }

    /** User and system time the JVM's JIT compiler threads (C1 and C2) have used so far. */
    static long ofJitCompilers(long pid) {
        return ofThreadsByName(pid).entrySet().stream()
                .filter(group -> group.getKey().startsWith("C1 CompilerThre") || group.getKey().startsWith("C2 CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * User and system time the process's live threads have used so far, by name, with the numbers in
     * names made {@code #} so that a pool's threads add up ({@code executor-thread-#}; not those right
     * after a letter, as in {@code C2 CompilerThre}). The kernel keeps the first 15 characters of a name.
     */
    static Map<String, Long> ofThreadsByName(long pid) {
        Map<String, Long> used = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("(?<![A-Za-z])[0-9]+", "#");
                    long[] times = timesIn(stat);
                    used.merge(name, times[0] + times[1], Long::sum);
                } catch (IOException ended) {
                    // a thread that ended since it was listed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    /** utime, stime, cutime and cstime in milliseconds. */
    private static long[] times(long pid) {
        return timesIn(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The same, from the text of a process's or a thread's stat file. */
    private static long[] timesIn(String stat) {
        // the command name in parentheses may hold spaces; the fields after it are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long[] times = new long[4];
        for (int i = 0; i < times.length; i++) {
            times[i] = Long.parseLong(fields[11 + i]) * MILLIS_PER_TICK;
        }
        return times;
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
