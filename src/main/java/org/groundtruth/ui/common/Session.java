package org.groundtruth.ui.common;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.store.Investigation;

/** What every feature's ViewModel shares: the open investigation and the analyst at the keyboard. */
public final class Session {
    private final ObjectProperty<Investigation> investigation = new SimpleObjectProperty<>();
    private final StringProperty analyst = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);

    public ObjectProperty<Investigation> investigationProperty() {
        return investigation;
    }

    public Optional<Investigation> investigation() {
        return Optional.ofNullable(investigation.get());
    }

    /** True when the open investigation is read-only (its folder cannot be written): editing controls are off. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public StringProperty analystProperty() {
        return analyst;
    }

    public String analyst() {
        return analyst.get();
    }
}
