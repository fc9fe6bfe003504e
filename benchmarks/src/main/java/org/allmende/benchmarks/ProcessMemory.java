package org.allmende.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Resident memory of the processes taking part, from Linux's {@code /proc}: {@code VmHWM} (status) is a process's
 * peak resident set over its life, {@code VmRSS} its resident set now, {@code Pss} (smaps_rollup) its resident set
 * with each shared page divided among those mapping it. Pss matters twice here: ZGC on Java 17 maps the heap three
 * times, so a service JVM's RSS counts its heap pages up to three times; and PostgreSQL's backends share its
 * buffers, so their RSS summed counts the buffers once per backend. A sampler reads every process once a second
 * for the largest figures; PostgreSQL is followed as its postmaster and all the backends below it.
 */
final class ProcessMemory implements AutoCloseable {

    /** One process, or a process with its descendants ({@code tree}), under a name. */
    static final class Watched {
        final String name;
        final long pid;
        final boolean tree;
        final String note;
        final AtomicLong peakKb = new AtomicLong();
        final AtomicLong residentSumKb = new AtomicLong();
        final AtomicLong proportionalSumKb = new AtomicLong();
        final AtomicLong processes = new AtomicLong();

        Watched(String name, long pid, boolean tree, String note) {
            this.name = name;
            this.pid = pid;
            this.tree = tree;
            this.note = note;
        }
    }

    private final List<Watched> watched = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ProcessMemory() {
        thread = new Thread(this::run, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void watch(String name, long pid, boolean tree, String note) {
        watched.add(new Watched(name, pid, tree, note));
    }

    private void run() {
        while (running) {
            sample();
            LockSupport.parkNanos(1_000_000_000L);
        }
    }

    synchronized void sample() {
        for (var w : watched) {
            var root = ProcessHandle.of(w.pid);
            if (root.isEmpty()) {
                continue;
            }
            var pids = w.tree
                    ? Stream.concat(Stream.of(root.get()), root.get().descendants())
                            .map(ProcessHandle::pid)
                            .toList()
                    : List.of(w.pid);
            long resident = 0;
            long proportional = 0;
            long count = 0;
            for (var pid : pids) {
                var status = read(Path.of("/proc", Long.toString(pid), "status"));
                if (status.isEmpty()) {
                    continue;
                }
                count++;
                w.peakKb.accumulateAndGet(field(status, "VmHWM:"), Math::max);
                resident += field(status, "VmRSS:");
                proportional += field(read(Path.of("/proc", Long.toString(pid), "smaps_rollup")), "Pss:");
            }
            w.residentSumKb.accumulateAndGet(resident, Math::max);
            w.proportionalSumKb.accumulateAndGet(proportional, Math::max);
            w.processes.accumulateAndGet(count, Math::max);
        }
    }

    /** The table: per process, its peak RSS (VmHWM), and the largest RSS and PSS seen summed over its processes. */
    synchronized void print() {
        sample();
        System.out.printf("  %-24s %8s %13s %13s %13s%n", "process", "pid", "peak RSS", "max RSS sum", "max PSS sum");
        for (var w : watched) {
            System.out.printf(
                    "  %-24s %8d %,9d MiB %,9d MiB %,9d MiB  %s%n",
                    w.name,
                    w.pid,
                    w.peakKb.get() >> 10,
                    w.residentSumKb.get() >> 10,
                    w.proportionalSumKb.get() >> 10,
                    w.tree ? w.note + " (up to " + w.processes.get() + " processes)" : w.note);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static long field(List<String> lines, String name) {
        for (var line : lines) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
