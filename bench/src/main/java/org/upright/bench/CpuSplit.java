package org.upright.bench;

/**
 * Where the CPU of a measured stretch went: the service, the broker, the load generator (this
 * JVM) and the rest of the machine (PostgreSQL, the kernel).
 */
final class CpuSplit {

    private final long servicePid;
    private final long brokerPid;
    private final Used before;

    private CpuSplit(long servicePid, long brokerPid) {
        this.servicePid = servicePid;
        this.brokerPid = brokerPid;
        this.before = now();
    }

    static CpuSplit start(long servicePid, long brokerPid) {
        return new CpuSplit(servicePid, brokerPid);
    }

    /** What was used since {@link #start}. */
    Used used() {
        Used now = now();
        return new Used(now.service - before.service, now.broker - before.broker,
                now.loadGenerator - before.loadGenerator, now.machine - before.machine);
    }

    private Used now() {
        return new Used(CpuTime.ofProcess(servicePid), CpuTime.ofProcess(brokerPid),
                CpuTime.ofProcess(ProcessHandle.current().pid()), CpuTime.busyOfMachine());
    }

    /** Milliseconds of CPU; {@code machine} is all of it, the others' share included. */
    record Used(long service, long broker, long loadGenerator, long machine) {

        static final Used NONE = new Used(0, 0, 0, 0);

        Used plus(Used other) {
            return new Used(service + other.service, broker + other.broker, loadGenerator + other.loadGenerator,
                    machine + other.machine);
        }

        String perUnit(double units, String unit) {
            long rest = machine - service - broker - loadGenerator;
            return String.format("CPU per %s: service %.1f µs, broker %.1f µs, load generator %.1f µs,"
                            + " the rest (PostgreSQL, kernel) %.1f µs; the whole machine %.1f µs",
                    unit, 1000.0 * service / units, 1000.0 * broker / units, 1000.0 * loadGenerator / units,
                    1000.0 * rest / units, 1000.0 * machine / units);
        }
    }
}
