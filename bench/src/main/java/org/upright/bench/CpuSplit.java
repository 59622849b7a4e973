package org.upright.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Where the CPU of a measured stretch went: named parts of the machine (the services, the broker,
 * PostgreSQL, the load generator) and the rest of it (the kernel, other processes).
 */
final class CpuSplit {

    /** A part of the machine and the CPU it has used so far, in milliseconds. */
    record Part(String name, LongSupplier usedMillis) {

        static Part process(String name, long pid) {
            return new Part(name, () -> CpuTime.ofProcess(pid));
        }

        /** This JVM: the load generator, and whatever else the benchmark runs in it. */
        static Part benchmark(String name) {
            return process(name, ProcessHandle.current().pid());
        }

        /**
         * The broker, and PostgreSQL's server with its backends when it is one of ours (else it is
         * part of the rest).
         */
        static List<Part> brokerAndPostgres(long brokerPid, OptionalLong postmasterPid) {
            List<Part> parts = new ArrayList<>(List.of(process("broker", brokerPid)));
            postmasterPid.ifPresent(pid -> parts.add(new Part("PostgreSQL", () -> CpuTime.ofProcessTree(pid))));
            return parts;
        }
    }

    private final List<Part> parts;
    private final Used before;

    private CpuSplit(List<Part> parts) {
        this.parts = List.copyOf(parts);
        this.before = now();
    }

    static CpuSplit start(List<Part> parts) {
        return new CpuSplit(parts);
    }

    /** What was used since {@link #start}. */
    Used used() {
        Used now = now();
        long[] millis = new long[parts.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = now.millis[i] - before.millis[i];
        }
        return new Used(now.names, millis, now.machine - before.machine);
    }

    private Used now() {
        return new Used(parts.stream().map(Part::name).toList(), parts.stream().mapToLong(part -> part.usedMillis().getAsLong()).toArray(),
                CpuTime.busyOfMachine());
    }

    /** Milliseconds of CPU per part; {@code machine} is all of it, the parts' included. */
    record Used(List<String> names, long[] millis, long machine) {

        static final Used NONE = new Used(List.of(), new long[0], 0);

        Used plus(Used other) {
            if (names.isEmpty()) {
                return other;
            }
            long[] sum = millis.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.millis[i];
            }
            return new Used(names, sum, machine + other.machine);
        }

        /** Each part's CPU per unit of work, the rest's and the whole machine's. */
        String perUnit(double units, String unit, Scale scale) {
            List<String> shares = new ArrayList<>();
            long rest = machine;
            for (int i = 0; i < names.size(); i++) {
                shares.add(names.get(i) + " " + scale.format(millis[i] / units));
                rest -= millis[i];
            }
            shares.add("the rest (kernel, other processes) " + scale.format(rest / units));
            return "CPU per " + unit + ": " + String.join(", ", shares) + "; the whole machine " + scale.format(machine / units);
        }
    }

    enum Scale {
        MILLISECONDS("ms", 1), MICROSECONDS("µs", 1000);

        private final String symbol;
        private final double perMillisecond;

        Scale(String symbol, double perMillisecond) {
            this.symbol = symbol;
            this.perMillisecond = perMillisecond;
        }

        String format(double millis) {
            return String.format("%.1f %s", millis * perMillisecond, symbol);
        }
    }
}
