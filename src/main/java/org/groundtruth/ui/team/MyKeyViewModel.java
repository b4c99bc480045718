package org.groundtruth.ui.team;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Team ▸ My key…: {@code keys show} and {@code keys create} for the analyst using the window — the public key
 * (PEM), its fingerprint and file, to send to the team administrator. Reading and creating run in the background.
 */
public final class MyKeyViewModel {
    private final Background background;
    private final Supplier<String> analyst;
    private final KeyRing ring;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty pem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty hasKey = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public MyKeyViewModel(Background background, Supplier<String> analyst, KeyRing ring) {
        this.background = background;
        this.analyst = analyst;
        this.ring = ring;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty pemProperty() {
        return pem;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty hasKeyProperty() {
        return hasKey;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    private record Shown(String name, java.util.Optional<AnalystKey> key, String file) {
    }

    /** Reads the analyst's public key, when this machine has one ({@code keys show}). */
    public void load() {
        String who = analyst.get();
        busy.set(true);
        background.run(I18n.t("team.task.key"), progress -> new Shown(who, ring.publicKey(who),
                ring.publicFile(who).toString()), this::show, this::failed);
    }

    /** Creates the analyst's key pair ({@code keys create}; passphrase from GROUNDTRUTH_KEY_PASSPHRASE when set). */
    public void create() {
        String who = analyst.get();
        busy.set(true);
        background.run(I18n.t("team.task.key"), progress -> new Shown(who, java.util.Optional.of(
                ring.create(who, KeyRing.passphraseFromEnvironment())), ring.publicFile(who).toString()), this::show,
                this::failed);
    }

    private void show(Shown shown) {
        busy.set(false);
        name.set(shown.name());
        hasKey.set(shown.key().isPresent());
        fingerprint.set(shown.key().map(AnalystKey::fingerprint).orElse(""));
        pem.set(shown.key().map(AnalystKey::pem).orElse(""));
        file.set(shown.key().isPresent() ? shown.file() : "");
        status.set(shown.key().isPresent() ? "" : I18n.t("team.key.none", shown.name()));
    }

    private void failed(Throwable error) {
        busy.set(false);
        status.set(Errors.message(error));
    }
}
