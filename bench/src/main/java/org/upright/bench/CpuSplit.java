package org.upright.bench;

/**
 * Where the CPU of a measured stretch went: the service, the broker, the load generator (this
 * JVM) and the rest of the machine (PostgreSQL, the kernel), each per unit of work done.
 */
final class CpuSplit {

    private final long servicePid;
    private final long brokerPid;
    private final long[] before;

    private CpuSplit(long servicePid, long brokerPid) {
        this.servicePid = servicePid;
        this.brokerPid = brokerPid;
        this.before = now();
    }

    static CpuSplit start(long servicePid, long brokerPid) {
        return new CpuSplit(servicePid, brokerPid);
    }

    /** Milliseconds used since {@link #start}: service, broker, load generator, whole machine. */
    long[] used() {
        long[] after = now();
        long[] used = new long[after.length];
        for (int i = 0; i < after.length; i++) {
            used[i] = after[i] - before[i];
        }
        return used;
    }

    static String perUnit(long[] used, double units, String unit) {
        long rest = used[3] - used[0] - used[1] - used[2];
        return String.format("CPU per %s: service %.1f µs, broker %.1f µs, load generator %.1f µs,"
                        + " the rest (PostgreSQL, kernel) %.1f µs; the whole machine %.1f µs",
                unit, 1000.0 * used[0] / units, 1000.0 * used[1] / units, 1000.0 * used[2] / units,
                1000.0 * rest / units, 1000.0 * used[3] / units);
    }

    static long[] sum(long[] a, long[] b) {
        long[] total = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            total[i] = a[i] + b[i];
        }
        return total;
    }

    private long[] now() {
        return new long[] {CpuTime.ofProcess(servicePid), CpuTime.ofProcess(brokerPid),
                CpuTime.ofProcess(ProcessHandle.current().pid()), CpuTime.busyOfMachine()};
    }
}
