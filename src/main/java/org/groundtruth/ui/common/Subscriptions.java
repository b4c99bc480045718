package org.groundtruth.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Listeners a view adds to objects that outlive it (the window's ViewModels), remembered so that
 * {@link #dispose()} removes every one: a rebuilt window (new language, another investigation) must leave
 * nothing of the old one listening.
 */
public final class Subscriptions {
    private final List<Runnable> removals = new ArrayList<>();

    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
    }

    public <T> void listen(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        removals.add(() -> list.removeListener(listener));
    }

    /** Anything else to undo or release when the view goes (a closed map, a stopped decoder). */
    public void onDispose(Runnable release) {
        removals.add(release);
    }

    public int size() {
        return removals.size();
    }

    /** Removes every listener and runs every release, newest first; safe to call twice. */
    public void dispose() {
        for (int i = removals.size() - 1; i >= 0; i--) {
            removals.get(i).run();
        }
        removals.clear();
    }
}
