package org.groundtruth.ui.verify;

import org.groundtruth.core.BadInputException;
import org.groundtruth.ui.common.I18n;

/** Numbers typed into the verification forms (a comma is read as the decimal point). */
final class VerifyInputs {
    private VerifyInputs() {
    }

    static double number(String text, String labelKey) {
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BadInputException(I18n.t("verify.notNumber", I18n.t(labelKey), text));
        }
    }
}
