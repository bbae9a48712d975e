package dev.participation.bench.jmh;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Service level: a visitor's search of a directory of 10,000 groups through the groups store
 * ({@link GroupStore#search}), on H2 and on PostgreSQL, migrated as the portal migrates them and
 * wired with the real Transaction Control and pool. Sampled, so the summary gives the median and
 * the 99th percentile time of one search (the aim: p99 under 5 ms).
 *
 * <p>Each call takes the next of a fixed mix of searches a directory sees: nothing ticked, an age,
 * words, one or two "who is it for" ticks, an area, online only, and these combined, on the first
 * or a later page. Every search also asks the database whether any group changed (that is how
 * each node's copy of the directory stays right), so the database is part of every sample.
 *
 * <pre>mvn -q -pl modules/bench exec:exec@jmh -Djmh.include=GroupSearch</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupSearchBenchmarks {

    static final int GROUPS = 10_000;
    private static final int AREAS = 24;
    private static final String[] WORDS = {"youth", "voice", "forum", "council", "carers", "young", "parents",
        "club", "panel", "board", "music", "sport", "art", "care", "leavers", "school", "send", "pride", "health",
        "climate", "transport", "housing", "digital", "library"};

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind database;

    private TestStorage storage;
    private GroupStore groups;
    private List<GroupQuery> mix;
    private final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void fillTheDirectory() {
        storage = TestStorage.open(database, "groups");
        groups = new GroupStore(storage.storage(), new AuditLogStore(storage.platform(), storage.clock()),
                storage.clock());
        Random random = new Random(42);
        for (int i = 0; i < GROUPS; i++) {
            groups.create("group-" + i, details(random, i), "bench");
        }
        mix = searches(new Random(7));
        for (GroupQuery query : mix) {
            if (groups.search(query).total() < 0) {
                throw new IllegalStateException("unreachable: keeps the warm-up honest");
            }
        }
        if (groups.search(GroupQuery.everything(20)).total() != GROUPS) {
            throw new IllegalStateException("The benchmark directory does not hold " + GROUPS + " groups");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        storage.close();
    }

    @Benchmark
    public DirectoryPage search() {
        return groups.search(mix.get(Math.floorMod(next.getAndIncrement(), mix.size())));
    }

    private static GroupDetails details(Random random, int i) {
        String name = cap(word(random)) + " " + cap(word(random)) + " " + (i % 7 == 0 ? "Council" : "Group") + " " + i;
        String summary = "A group for young people who care about " + word(random) + " and " + word(random) + ".";
        String description = "We meet to talk about " + word(random) + ", " + word(random) + " and "
                + word(random) + ", and we tell the council what should change.";
        Set<Eligibility> who = EnumSet.noneOf(Eligibility.class);
        Eligibility[] all = Eligibility.values();
        who.add(all[random.nextInt(all.length)]);
        if (random.nextInt(3) == 0) {
            who.add(all[random.nextInt(all.length)]);
        }
        WhoFor whoFor = random.nextInt(5) == 0
                ? new WhoFor(null, null, SchoolYear.YEAR_5, SchoolYear.YEAR_6, who)
                : new WhoFor(5 + random.nextInt(10), 14 + random.nextInt(12), null, null, who);
        Attendance[] ways = Attendance.values();
        Attendance attendance = ways[random.nextInt(ways.length)];
        String area = attendance == Attendance.ONLINE ? "" : "Area " + (1 + random.nextInt(AREAS));
        return new GroupDetails(name, summary, description, whoFor, new Meetings("Every other Tuesday", true),
                new Place(area, area.isEmpty() ? "" : "Community centre", attendance), "Step-free entrance.",
                Membership.values()[random.nextInt(Membership.values().length)], FeedsInto.NOWHERE, "manager",
                "", "", LocalDate.of(2026, 1, 1 + random.nextInt(28)));
    }

    private static List<GroupQuery> searches(Random random) {
        List<GroupQuery> searches = new ArrayList<>();
        Eligibility[] all = Eligibility.values();
        for (int i = 0; i < 200; i++) {
            String text = i % 3 == 0 ? word(random) : i % 7 == 0 ? word(random) + " " + word(random) : "";
            Integer age = i % 2 == 0 ? 8 + random.nextInt(12) : null;
            Set<Eligibility> who = EnumSet.noneOf(Eligibility.class);
            if (i % 4 == 1) {
                who.add(all[random.nextInt(all.length)]);
            }
            if (i % 8 == 3) {
                who.add(all[random.nextInt(all.length)]);
            }
            Set<String> areas = i % 5 == 2 ? Set.of("Area " + (1 + random.nextInt(AREAS))) : Set.of();
            Set<Attendance> ways = i % 6 == 5 ? Set.of(Attendance.ONLINE) : Set.of();
            searches.add(new GroupQuery(text, age, who, areas, ways, i % 10 == 9 ? 20 : 0, 20));
        }
        return searches;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
