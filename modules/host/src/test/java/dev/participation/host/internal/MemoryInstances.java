package dev.participation.host.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.participation.api.page.ChangedMeanwhileException;
import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;

/** Placed widgets kept in a list, as the database would keep them. */
public final class MemoryInstances implements WidgetInstances {

    private final List<WidgetInstance> all = new ArrayList<>();
    private int next = 1;
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized List<WidgetInstance> onPage(String pageKey) {
        return all.stream().filter(i -> i.pageKey().equals(pageKey))
                .sorted(Comparator.comparingInt(WidgetInstance::position)).toList();
    }

    @Override
    public synchronized Optional<WidgetInstance> find(String instanceId) {
        return all.stream().filter(i -> i.id().equals(instanceId)).findFirst();
    }

    @Override
    public synchronized WidgetInstance place(String pageKey, String widgetType, Map<String, String> preferences,
            String actor) {
        WidgetInstance i = new WidgetInstance(Integer.toString(next++), pageKey, onPage(pageKey).size(), widgetType,
                preferences, AT, actor);
        all.add(i);
        return i;
    }

    @Override
    public synchronized WidgetInstance configure(String instanceId, Map<String, String> preferences, String actor) {
        WidgetInstance old = find(instanceId).orElseThrow(NoSuchElementException::new);
        WidgetInstance i = new WidgetInstance(old.id(), old.pageKey(), old.position(), old.widgetType(), preferences,
                AT, actor, old.version() + 1);
        all.set(all.indexOf(old), i);
        return i;
    }

    @Override
    public synchronized WidgetInstance configure(String instanceId, long expectedVersion,
            Map<String, String> preferences, String actor) {
        WidgetInstance old = find(instanceId).orElseThrow(NoSuchElementException::new);
        if (old.version() != expectedVersion) {
            throw new ChangedMeanwhileException(old, expectedVersion);
        }
        return configure(instanceId, preferences, actor);
    }

    @Override
    public synchronized void move(String instanceId, int position, String actor) {
        WidgetInstance moving = find(instanceId).orElseThrow();
        List<WidgetInstance> page = new ArrayList<>(onPage(moving.pageKey()));
        page.remove(moving);
        page.add(Math.max(0, Math.min(position, page.size())), moving);
        all.removeAll(page);
        for (int p = 0; p < page.size(); p++) {
            WidgetInstance i = page.get(p);
            all.add(new WidgetInstance(i.id(), i.pageKey(), p, i.widgetType(), i.preferences(), AT, actor, i.version()));
        }
    }

    @Override
    public synchronized void remove(String instanceId, String actor) {
        all.removeIf(i -> i.id().equals(instanceId));
    }

    @Override
    public synchronized void remove(String instanceId, long expectedVersion, String actor) {
        WidgetInstance old = find(instanceId).orElseThrow(NoSuchElementException::new);
        if (old.version() != expectedVersion) {
            throw new ChangedMeanwhileException(old, expectedVersion);
        }
        remove(instanceId, actor);
    }
}
