package org.upright.bench;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.upright.localinfra.LocalDatabase;

/**
 * PostgreSQL's CPU by whom it worked for: the backends of each client application (the services
 * name theirs), and the server's own processes (WAL writer, checkpointer, autovacuum launcher). What
 * processes that came and went used (an autovacuum worker, a short connection) is counted with the
 * postmaster, which collects it.
 */
final class PostgresBackends {

    private final LocalDatabase database;
    private final Map<Long, String> ownerOf;
    private final Map<Long, Long> usedBy;
    private final long usedByAll;

    private PostgresBackends(LocalDatabase database) throws SQLException {
        this.database = database;
        this.ownerOf = owners(database);
        this.usedBy = used(ownerOf);
        this.usedByAll = CpuTime.ofProcessTree(database.pid().orElseThrow());
    }

    /** Starts counting; the database must be one of ours (its server's process known). */
    static PostgresBackends start(LocalDatabase database) throws SQLException {
        return new PostgresBackends(database);
    }

    /** What each owner used since {@link #start}, per unit of work. */
    String since(double units, String unit) throws SQLException {
        long all = CpuTime.ofProcessTree(database.pid().orElseThrow()) - usedByAll;
        Map<Long, String> owners = owners(database);
        Map<String, Long> byOwner = new TreeMap<>();
        long accounted = 0;
        for (Map.Entry<Long, Long> process : used(owners).entrySet()) {
            long since = process.getValue() - (ownerOf.containsKey(process.getKey()) ? usedBy.getOrDefault(process.getKey(), 0L) : 0);
            byOwner.merge(owners.get(process.getKey()), since, Long::sum);
            accounted += since;
        }
        byOwner.put("the postmaster and processes that came and went", all - accounted);
        return "PostgreSQL's CPU per " + unit + " by whom it worked for: " + byOwner.entrySet().stream()
                .map(owner -> String.format("%s %.2f ms", owner.getKey(), owner.getValue() / units))
                .collect(Collectors.joining(", "));
    }

    /** The server's processes and whom each works for: a client's application name, or what the process is. */
    private static Map<Long, String> owners(LocalDatabase database) throws SQLException {
        Map<Long, String> owners = new HashMap<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pid, case when backend_type = 'client backend'"
                     + " then coalesce(nullif(application_name, ''), 'unnamed clients') else backend_type end from pg_stat_activity")) {
            while (rows.next()) {
                String owner = rows.getString(2);
                owners.put(rows.getLong(1), owner.equals("PostgreSQL JDBC Driver") ? "the benchmark" : owner);
            }
        }
        return owners;
    }

    private static Map<Long, Long> used(Map<Long, String> owners) {
        Map<Long, Long> used = new HashMap<>();
        for (Long pid : owners.keySet()) {
            try {
                used.put(pid, CpuTime.ofProcess(pid));
            } catch (UncheckedIOException exited) {
                // gone since it was listed: its time is among the processes that came and went
            }
        }
        return used;
    }
}
